package org.commonground.demo;

import static org.commonground.web.Language.EN;
import static org.commonground.web.Language.JA;
import static org.commonground.web.Language.KO;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.demo.DemoStatement.Topic;
import org.commonground.web.Language;

/**
 * The 44 statements of the demo conversation, each written in Japanese, Korean or English and
 * translated by hand into the other two. Their leanings give the simulated votes real structure:
 * bridging statements most groups and both countries agree with (youth exchange, ageing, media),
 * divides between Japan and Korea on history, and statements only one group cares about.
 */
final class DemoStatements {
    private DemoStatements() {}

    static final List<DemoStatement> ALL = build();

    private static List<DemoStatement> build() {
        List<DemoStatement> all = new ArrayList<>();
        Topic t = Topic.HISTORY_EDUCATION;
        all.add(seed(
                t,
                KO,
                lean(1.5, 0.0, 1.5),
                0.5,
                0.12,
                "Japan and Korea should set up a standing committee that reviews both countries' history textbooks together.",
                "日韓両国の歴史教科書を共同で検討する常設委員会を設けるべきだ。",
                "양국의 역사 교과서를 함께 검토하는 상설 위원회를 만들어야 한다."));
        all.add(seed(
                t,
                JA,
                lean(2.0, 0.8, 2.0),
                0.3,
                0.08,
                "History education should teach children both the harm their country caused and the harm it suffered.",
                "歴史教育では、自国が与えた被害と受けた被害の両方を子どもたちに教えるべきだ。",
                "역사 교육은 아이들에게 자국이 끼친 피해와 입은 피해를 모두 가르쳐야 한다."));
        all.add(written(
                t,
                KO,
                lean(2.0, -1.0, 0.5),
                1.5,
                0.15,
                "Japanese history textbooks do not adequately describe the wrongs of colonial rule.",
                "日本の歴史教科書は、植民地支配における加害の事実を十分に記述していない。",
                "일본의 역사 교과서는 식민 지배의 가해 사실을 충분히 기술하지 않고 있다."));
        all.add(written(
                t,
                JA,
                lean(-2.0, 1.0, -0.5),
                -1.5,
                0.15,
                "Korea's history education does too much to stoke anti-Japanese feeling.",
                "韓国の歴史教育は、反日感情をあおりすぎていると思う。",
                "한국의 역사 교육은 반일 감정을 지나치게 부추기고 있다고 생각한다."));
        all.add(written(
                t,
                EN,
                lean(1.5, 0.3, 2.0),
                0.3,
                0.15,
                "Teachers from both countries should co-design lesson materials on the colonial period and use them in classrooms on both sides.",
                "植民地時代を扱う教材を両国の教員が共同で作り、双方の教室で使うべきだ。",
                "식민지 시기를 다루는 수업 자료를 양국 교사가 함께 만들어 양쪽 교실에서 사용해야 한다."));
        all.add(written(
                t,
                JA,
                lean(0.5, 1.5, 1.5),
                -0.3,
                0.12,
                "Judgements about history should be left to historians, not politicians.",
                "歴史の評価は、政治家ではなく歴史家に委ねるべきだ。",
                "역사에 대한 평가는 정치인이 아니라 역사학자에게 맡겨야 한다."));

        t = Topic.AGREEMENT_2015;
        all.add(seed(
                t,
                JA,
                lean(-2.0, 1.5, -0.5),
                -2.0,
                0.10,
                "The 2015 agreement should be respected as having resolved the comfort women issue finally and irreversibly.",
                "2015年の日韓合意は、慰安婦問題を「最終的かつ不可逆的に」解決したものとして尊重されるべきだ。",
                "2015년 한일 합의는 위안부 문제를 '최종적이고 불가역적으로' 해결한 것으로 존중되어야 한다."));
        all.add(seed(
                t,
                KO,
                lean(2.0, -1.5, 0.8),
                2.0,
                0.10,
                "The 2015 agreement lacks legitimacy because the two governments made it without properly hearing the survivors.",
                "2015年の合意は、被害者の声を十分に聞かないまま政府間で結ばれたため、正当性に欠ける。",
                "2015년 합의는 피해자의 목소리를 충분히 듣지 않고 정부끼리 맺은 것이어서 정당성이 부족하다."));
        all.add(written(
                t,
                EN,
                lean(-0.5, 2.0, 0.5),
                -1.0,
                0.12,
                "Whatever one thinks of the 2015 agreement, a government that signs an international agreement should honour it.",
                "2015年の合意をどう評価するにせよ、国際的な合意に署名した政府はそれを守るべきだ。",
                "2015년 합의를 어떻게 평가하든, 국제 합의에 서명한 정부는 그것을 지켜야 한다."));
        all.add(written(
                t,
                KO,
                lean(2.0, 1.0, 2.0),
                0.3,
                0.10,
                "With few survivors still alive, both countries should jointly support recording and preserving their testimonies.",
                "存命の被害者が少なくなった今、その証言を記録し保存する取り組みを両国が共に支援すべきだ。",
                "생존 피해자가 얼마 남지 않은 만큼, 그분들의 증언을 기록하고 보존하는 일을 양국이 함께 지원해야 한다."));
        all.add(written(
                t,
                JA,
                lean(0.3, 0.5, 1.8),
                0.0,
                0.25,
                "The comfort women issue has reached the point where citizens should take it up in dialogue with each other, not leave it to diplomats.",
                "慰安婦問題は、外交に任せるのではなく、市民同士が対話を通じて向き合うべき段階に来ている。",
                "위안부 문제는 이제 외교에 맡길 것이 아니라 시민들이 대화를 통해 직접 마주해야 할 단계에 와 있다."));

        t = Topic.WARTIME_LABOR;
        all.add(seed(
                t,
                KO,
                lean(2.0, -1.5, 0.3),
                2.0,
                0.12,
                "Compensation for the victims of wartime forced labor should be paid directly by the Japanese companies involved.",
                "元徴用工への賠償は、関係した日本企業が直接支払うべきだ。",
                "강제징용 피해자에 대한 배상은 관련 일본 기업이 직접 해야 한다."));
        all.add(seed(
                t,
                JA,
                lean(-2.0, 1.5, -0.5),
                -2.0,
                0.12,
                "The wartime labor issue was settled by the 1965 claims agreement between Japan and Korea.",
                "元徴用工の問題は、1965年の日韓請求権協定で解決済みだ。",
                "강제징용 문제는 1965년 한일 청구권 협정으로 이미 해결되었다."));
        all.add(written(
                t,
                EN,
                lean(0.3, 1.0, 1.5),
                0.0,
                0.20,
                "A joint foundation funded voluntarily by Japanese and Korean companies is a reasonable way to compensate former wartime laborers.",
                "日韓の企業が自発的に拠出する共同の財団は、元徴用工への補償として妥当な方法だ。",
                "한일 양국 기업이 자발적으로 출연하는 공동 재단은 강제징용 피해자를 보상하는 합리적인 방법이다."));
        all.add(written(
                t,
                KO,
                lean(2.0, -1.0, 0.5),
                1.5,
                0.20,
                "The Korean government's 2023 third-party compensation plan should not have gone ahead without the victims' consent.",
                "2023年に韓国政府が示した第三者弁済による解決策は、被害者の同意なしに進めるべきではなかった。",
                "2023년 한국 정부의 제3자 변제 해법은 피해자의 동의 없이 추진되어서는 안 되었다."));
        all.add(written(
                t,
                JA,
                lean(-1.5, 2.0, 0.0),
                -1.5,
                0.15,
                "Seizing and selling Japanese companies' assets in Korea would badly damage relations and should be avoided.",
                "韓国内にある日本企業の資産の現金化は、日韓関係を大きく損なうので避けるべきだ。",
                "한국 내 일본 기업 자산의 현금화는 한일 관계를 크게 해치므로 피해야 한다."));

        t = Topic.YOUTH_EXCHANGE;
        all.add(seed(
                t,
                JA,
                lean(1.5, 1.8, 2.2),
                0.0,
                0.06,
                "Japan and Korea should greatly expand high-school student exchanges.",
                "日韓の高校生の交換留学を大幅に増やすべきだ。",
                "한일 고등학생 교환 유학을 대폭 늘려야 한다."));
        all.add(seed(
                t,
                KO,
                lean(1.0, 1.5, 1.8),
                0.0,
                0.15,
                "Credits that university students earn during a semester in the other country should be recognised automatically.",
                "大学生が相手国で1学期を過ごして取得した単位は、自動的に認定されるようにすべきだ。",
                "대학생이 상대국에서 한 학기 동안 취득한 학점은 자동으로 인정받을 수 있어야 한다."));
        all.add(written(
                t,
                EN,
                lean(1.0, 1.3, 1.8),
                0.0,
                0.15,
                "Working holiday visas between Japan and Korea should be easier to get and allow longer stays.",
                "日韓間のワーキングホリデービザは、もっと取得しやすく、滞在できる期間も長くすべきだ。",
                "한일 간 워킹홀리데이 비자는 더 쉽게 받을 수 있어야 하고 체류 기간도 더 길어야 한다."));
        all.add(written(
                t,
                KO,
                lean(0.5, 1.0, 1.8),
                0.0,
                0.15,
                "Pop culture exchange, from K-pop to anime, has changed relations between the two countries more than politics has.",
                "K-POPやアニメのような大衆文化の交流は、政治以上に両国の関係を変えてきた。",
                "K팝과 애니메이션 같은 대중문화 교류는 정치보다 양국 관계를 더 많이 바꿔 왔다."));
        all.add(written(
                t,
                JA,
                lean(1.5, 1.0, -0.8),
                0.0,
                0.15,
                "Youth exchange alone will not resolve the disputes between the two governments.",
                "若者の交流だけでは、政府間の対立は解決しない。",
                "청년 교류만으로는 정부 간의 갈등이 해결되지 않는다."));
        all.add(written(
                t,
                EN,
                lean(0.8, 1.0, 1.8),
                0.0,
                0.15,
                "Schools in both countries should offer Japanese and Korean as regular foreign-language subjects.",
                "両国の学校で、日本語と韓国語を正規の外国語科目として選べるようにすべきだ。",
                "양국 학교에서 일본어와 한국어를 정규 외국어 과목으로 선택할 수 있게 해야 한다."));

        t = Topic.SOUTHEAST_ASIA;
        all.add(seed(
                t,
                EN,
                lean(0.8, 1.8, 1.2),
                0.0,
                0.25,
                "Japan and Korea should co-finance renewable energy projects in Southeast Asia instead of competing for the same contracts.",
                "日本と韓国は、同じ案件を奪い合うのではなく、東南アジアの再生可能エネルギー事業に共同で融資すべきだ。",
                "한국과 일본은 같은 사업을 두고 경쟁하기보다 동남아시아 재생에너지 사업에 공동으로 자금을 대야 한다."));
        all.add(seed(
                t,
                JA,
                lean(0.5, -0.8, 1.5),
                0.0,
                0.30,
                "Both Japan and Korea should immediately stop public financing for coal power plants in Southeast Asia.",
                "日韓はともに、東南アジアの石炭火力発電所への公的融資を直ちにやめるべきだ。",
                "한일 양국은 동남아시아 석탄 화력발전소에 대한 공적 금융 지원을 즉시 중단해야 한다."));
        all.add(written(
                t,
                KO,
                lean(0.0, 2.0, 0.3),
                0.0,
                0.30,
                "If Japan and Korea work together on infrastructure in Southeast Asia, they can offer a realistic alternative to China's Belt and Road.",
                "東南アジアのインフラ事業で日韓が協力すれば、中国の「一帯一路」に代わる現実的な選択肢を示せる。",
                "동남아시아 인프라 사업에서 한일이 협력하면 중국의 일대일로에 대한 현실적인 대안을 제시할 수 있다."));
        all.add(written(
                t,
                EN,
                lean(1.2, 0.3, 2.0),
                0.0,
                0.20,
                "Joint projects abroad should be judged first by what local communities gain, not by what Japanese or Korean firms earn.",
                "海外での共同事業は、日韓の企業がどれだけ利益を得るかではなく、まず現地の人々が何を得るかで評価されるべきだ。",
                "해외 공동 사업은 한일 기업이 얼마나 버는지가 아니라 현지 주민이 무엇을 얻는지로 먼저 평가되어야 한다."));
        all.add(written(
                t,
                JA,
                lean(-0.3, 1.0, 0.8),
                0.0,
                0.40,
                "Japan and Korea should seriously study an undersea cable linking their power grids.",
                "日韓の電力網を結ぶ海底ケーブルの構想を、真剣に検討すべきだ。",
                "한일 전력망을 잇는 해저 케이블 구상을 진지하게 검토해야 한다."));

        t = Topic.SEMICONDUCTORS;
        all.add(seed(
                t,
                KO,
                lean(2.0, -1.2, 0.5),
                1.8,
                0.20,
                "Japan's 2019 export restrictions on semiconductor materials were economic retaliation over history disputes.",
                "2019年に日本が行った半導体素材の輸出規制は、歴史問題をめぐる経済的な報復だった。",
                "일본의 2019년 반도체 소재 수출 규제는 역사 문제에 대한 경제 보복이었다."));
        all.add(seed(
                t,
                EN,
                lean(0.5, 2.0, 1.0),
                0.0,
                0.25,
                "Japan and Korea should build a shared semiconductor supply chain so that neither depends on a single outside supplier.",
                "日韓は半導体のサプライチェーンを共同で築き、どちらも特定の外部供給元に依存しないようにすべきだ。",
                "한일은 반도체 공급망을 함께 구축해 어느 쪽도 특정 외부 공급처에 의존하지 않도록 해야 한다."));
        all.add(written(
                t,
                JA,
                lean(0.3, 1.5, 0.8),
                0.0,
                0.45,
                "Japan and Korea should submit joint proposals when the international standards for next-generation networks (5G and 6G) are set.",
                "次世代通信（5G・6G）の国際標準づくりでは、日本と韓国が共同で提案を出すべきだ。",
                "차세대 통신(5G·6G) 국제 표준을 정할 때 한국과 일본은 공동 제안을 내야 한다."));
        all.add(written(
                t,
                KO,
                lean(0.8, -0.3, -1.0),
                0.3,
                0.30,
                "Semiconductor technology is tied directly to national security, so joint research with the other country's firms calls for caution.",
                "半導体技術は国家安全保障に直結するため、相手国の企業との共同研究には慎重であるべきだ。",
                "반도체 기술은 국가 안보와 직결되므로 상대국 기업과의 공동 연구에는 신중해야 한다."));
        all.add(written(
                t,
                EN,
                lean(0.5, 1.5, 1.5),
                0.0,
                0.25,
                "Engineers and researchers should be able to move between Japanese and Korean tech companies on a simple fast-track visa.",
                "技術者や研究者が日韓のIT企業の間を行き来しやすいよう、簡素なファストトラック・ビザを設けるべきだ。",
                "엔지니어와 연구자가 한일 기술 기업 사이를 쉽게 오갈 수 있도록 간소한 패스트트랙 비자를 만들어야 한다."));

        t = Topic.AGEING;
        all.add(seed(
                t,
                JA,
                lean(1.8, 2.0, 2.2),
                0.0,
                0.08,
                "Low birth rates and ageing are challenges both countries share; they should learn from each other's elderly care and pension policies.",
                "少子高齢化は日韓共通の課題であり、介護や年金の政策を互いに学び合うべきだ。",
                "저출산·고령화는 한일 공통의 과제이므로 돌봄과 연금 정책을 서로 배워야 한다."));
        all.add(seed(
                t,
                KO,
                lean(0.8, 1.8, 1.0),
                0.0,
                0.30,
                "Korea and Japan should jointly develop care robots and telemedicine.",
                "日本と韓国は、介護ロボットや遠隔医療の技術を共同で開発すべきだ。",
                "한국과 일본은 돌봄 로봇과 원격 의료 기술을 공동으로 개발해야 한다."));
        all.add(written(
                t,
                EN,
                lean(0.5, 0.3, 1.5),
                0.0,
                0.25,
                "Both countries need more immigration to sustain their workforces, and they should coordinate how foreign workers are treated.",
                "両国とも労働力を維持するには移民の受け入れ拡大が必要であり、外国人労働者の待遇について連携すべきだ。",
                "양국 모두 노동력을 유지하려면 이민을 더 받아들여야 하며, 외국인 노동자 처우에 대해 서로 협력해야 한다."));
        all.add(written(
                t,
                JA,
                lean(1.0, 1.2, 1.8),
                0.0,
                0.25,
                "To fight rural depopulation, towns in both countries should make far more use of their sister-city ties.",
                "地方の過疎化対策として、日韓の自治体同士の姉妹都市交流をもっと活用すべきだ。",
                "지방 소멸에 대응하기 위해 한일 지자체 간 자매도시 교류를 더 적극적으로 활용해야 한다."));
        all.add(written(
                t,
                KO,
                lean(0.8, 0.3, 0.5),
                0.8,
                0.40,
                "Old-age poverty is far more serious in Korea than in Japan, so Japan's experience cannot simply be copied.",
                "高齢者の貧困は韓国のほうが日本よりはるかに深刻なので、日本の経験をそのまま当てはめることはできない。",
                "노인 빈곤은 한국이 일본보다 훨씬 심각하므로 일본의 경험을 그대로 적용하기는 어렵다."));
        all.add(written(
                t,
                EN,
                lean(1.5, 1.8, 2.0),
                0.0,
                0.15,
                "Japan and Korea should launch a joint research programme on dementia care.",
                "日韓で認知症ケアに関する共同研究プログラムを立ち上げるべきだ。",
                "한일 양국은 치매 돌봄에 관한 공동 연구 프로그램을 시작해야 한다."));

        t = Topic.JOURNALISM;
        all.add(seed(
                t,
                KO,
                lean(0.8, 1.5, 2.0),
                0.0,
                0.10,
                "The media in both countries tend to overplay negative news about the other country.",
                "両国のメディアは、相手国に関する否定的なニュースを過度に強調する傾向がある。",
                "양국 언론은 상대국에 대한 부정적인 뉴스를 과도하게 부각하는 경향이 있다."));
        all.add(seed(
                t,
                JA,
                lean(0.8, 0.8, 2.0),
                0.0,
                0.20,
                "Japanese and Korean reporters should do more joint reporting and publish the same stories in both countries at the same time.",
                "日韓の記者が共同で取材し、同じ記事を両国で同時に掲載する取り組みを広げるべきだ。",
                "한일 기자가 공동으로 취재해 같은 기사를 양국에서 동시에 싣는 시도를 넓혀야 한다."));
        all.add(written(
                t,
                EN,
                lean(1.8, 0.5, 2.0),
                0.5,
                0.12,
                "Social media platforms should do more to curb hate speech aimed at Koreans in Japan and at Japanese people in Korea.",
                "SNS事業者は、日本に住む韓国人や韓国に住む日本人に向けたヘイトスピーチを、もっと積極的に抑えるべきだ。",
                "소셜미디어 기업은 일본에 사는 한국인과 한국에 사는 일본인을 겨냥한 혐오 표현을 더 적극적으로 막아야 한다."));
        all.add(written(
                t,
                KO,
                lean(1.8, -1.2, 0.2),
                1.8,
                0.15,
                "The Japanese media do not report the Korean government's position fairly.",
                "日本のメディアは、韓国政府の立場を公正に報じていない。",
                "일본 언론은 한국 정부의 입장을 공정하게 보도하지 않는다."));
        all.add(written(
                t,
                JA,
                lean(-1.5, 1.5, 0.0),
                -1.8,
                0.15,
                "Korean media often report Japanese politicians' remarks out of context.",
                "韓国のメディアは、日本の政治家の発言を文脈から切り離して報じることが多い。",
                "한국 언론은 일본 정치인의 발언을 맥락과 떼어 내 보도하는 경우가 많다."));
        all.add(written(
                t,
                EN,
                lean(1.0, 1.0, 2.0),
                0.0,
                0.20,
                "A bilingual fact-checking service run jointly by Japanese and Korean newsrooms would help readers in both countries.",
                "日韓の報道機関が共同で運営する2言語のファクトチェック・サービスは、両国の読者の役に立つだろう。",
                "한일 언론사가 공동으로 운영하는 이중 언어 팩트체크 서비스는 양국 독자에게 도움이 될 것이다."));
        return List.copyOf(all);
    }

    private static double[] lean(double justiceFirst, double pragmatic, double civilSociety) {
        return new double[] {justiceFirst, pragmatic, civilSociety};
    }

    private static DemoStatement seed(
            Topic topic,
            Language original,
            double[] lean,
            double divide,
            double passRate,
            String en,
            String ja,
            String ko) {
        return new DemoStatement(topic, original, Map.of(EN, en, JA, ja, KO, ko), lean, divide, passRate, true);
    }

    private static DemoStatement written(
            Topic topic,
            Language original,
            double[] lean,
            double divide,
            double passRate,
            String en,
            String ja,
            String ko) {
        return new DemoStatement(topic, original, Map.of(EN, en, JA, ja, KO, ko), lean, divide, passRate, false);
    }
}
