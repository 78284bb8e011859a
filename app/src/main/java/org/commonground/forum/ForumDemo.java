package org.commonground.forum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo forum: "US–Japan–Korea Emerging Markets Forum, Singapore" with 120 fictional
 * organizations (40 per country) across the sectors, 40 projects in Southeast and South
 * Asia, a matching run with a few accepted consortia, and a published day of meetings. Every name
 * is invented; any likeness to a real company is chance. Deterministic (fixed seed).
 */
final class ForumDemo {
    private final Jdbi jdbi;

    ForumDemo(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Sector(String code, String en, String ja, String ko, List<String[]> capabilities) {}

    private static String[] c(String code, String en, String ja, String ko) {
        return new String[] {code, en, ja, ko};
    }

    static final List<Sector> SECTORS = List.of(
            new Sector(
                    "energy",
                    "Energy",
                    "エナジー",
                    "에너지",
                    List.of(
                            c("lng-terminal", "LNG terminals", "LNG受入基地", "LNG 터미널"),
                            c("lng-shipping", "LNG shipping", "LNG輸送船", "LNG 운반선"),
                            c("gas-turbines", "Gas turbines", "ガスタービン", "가스터빈"),
                            c("epc", "EPC contracting", "EPC（設計・調達・建設）", "EPC(설계·조달·시공)"),
                            c("solar", "Solar power", "太陽光発電", "태양광 발전"),
                            c("offshore-wind", "Offshore wind", "洋上風力発電", "해상풍력"),
                            c("smr", "Small modular reactors", "小型モジュール炉", "소형모듈원자로"),
                            c("grid", "Power grids", "送配電網", "전력망"))),
            new Sector(
                    "infrastructure",
                    "Engineering",
                    "エンジニアリング",
                    "엔지니어링",
                    List.of(
                            c("signalling", "Railway signalling", "鉄道信号", "철도 신호"),
                            c("rolling-stock", "Rolling stock", "鉄道車両", "철도 차량"),
                            c("bridges", "Bridges", "橋梁", "교량"),
                            c("ports", "Port construction", "港湾建設", "항만 건설"),
                            c("roads", "Roads and expressways", "道路・高速道路", "도로·고속도로"))),
            new Sector(
                    "digital",
                    "Networks",
                    "ネットワークス",
                    "네트웍스",
                    List.of(
                            c("open-ran", "Open RAN radios", "Open RAN無線機", "오픈랜 무선 장비"),
                            c("core-network", "Core network", "コアネットワーク", "코어 네트워크"),
                            c("data-centers", "Data centers", "データセンター", "데이터센터"))),
            new Sector(
                    "cybersecurity",
                    "Security",
                    "セキュリティ",
                    "시큐리티",
                    List.of(
                            c("soc", "SOC services", "SOC（セキュリティ監視）サービス", "보안관제(SOC) 서비스"),
                            c("ot-security", "Industrial control security", "制御システムセキュリティ", "산업제어시스템 보안"))),
            new Sector(
                    "semiconductors",
                    "Semiconductor",
                    "セミコンダクター",
                    "반도체",
                    List.of(
                            c("chip-packaging", "Chip packaging", "半導体パッケージング", "반도체 패키징"),
                            c("fab-equipment", "Fab equipment", "半導体製造装置", "반도체 제조 장비"))),
            new Sector(
                    "ai-iot",
                    "Systems",
                    "システムズ",
                    "시스템즈",
                    List.of(
                            c("iot-platform", "IoT platforms", "IoTプラットフォーム", "IoT 플랫폼"),
                            c("ai-analytics", "AI analytics", "AI分析", "AI 분석"),
                            c("smart-city", "Smart city systems", "スマートシティ", "스마트시티"))),
            new Sector(
                    "silver",
                    "Care",
                    "ケア",
                    "케어",
                    List.of(
                            c("eldercare-robotics", "Elder-care robotics", "介護ロボット", "돌봄 로봇"),
                            c("telehealth", "Telehealth", "遠隔医療", "원격의료"),
                            c("care-facilities", "Care facilities", "介護施設運営", "요양시설 운영"))),
            new Sector(
                    "finance",
                    "Capital",
                    "キャピタル",
                    "캐피탈",
                    List.of(
                            c("project-finance", "Project finance", "プロジェクトファイナンス", "프로젝트 파이낸싱"),
                            c("insurance", "Political-risk insurance", "政治リスク保険", "정치적 위험 보험"))));

    /** Invented name stems per country: English, Japanese, Korean. */
    private static final Map<String, List<String[]>> STEMS = Map.of(
            "US",
                    List.of(
                            c("", "Redwood", "レッドウッド", "레드우드"),
                            c("", "Harbor Point", "ハーバーポイント", "하버포인트"),
                            c("", "Cedar Ridge", "シーダーリッジ", "시더리지"),
                            c("", "Bluestone", "ブルーストーン", "블루스톤"),
                            c("", "Summit Line", "サミットライン", "서밋라인"),
                            c("", "Granite Bay", "グラナイトベイ", "그래닛베이"),
                            c("", "Lakeshore", "レイクショア", "레이크쇼어"),
                            c("", "Prairie Star", "プレーリースター", "프레리스타"),
                            c("", "Ironwood", "アイアンウッド", "아이언우드"),
                            c("", "Northgate", "ノースゲート", "노스게이트")),
            "JP",
                    List.of(
                            c("", "Asahina", "朝比奈", "아사히나"),
                            c("", "Kurokawa", "黒川", "구로카와"),
                            c("", "Minato", "湊", "미나토"),
                            c("", "Hoshino", "星野", "호시노"),
                            c("", "Tsubaki", "椿", "쓰바키"),
                            c("", "Shiranami", "白波", "시라나미"),
                            c("", "Kasumi", "霞", "가스미"),
                            c("", "Aoba", "青葉", "아오바"),
                            c("", "Takane", "高嶺", "다카네"),
                            c("", "Yukishiro", "雪代", "유키시로")),
            "KR",
                    List.of(
                            c("", "Hanbit", "ハンビッ", "한빛"),
                            c("", "Daon", "ダオン", "다온"),
                            c("", "Saebyeok", "セビョク", "새벽"),
                            c("", "Areum", "アルム", "아름"),
                            c("", "Haneul", "ハヌル", "하늘"),
                            c("", "Garam", "カラム", "가람"),
                            c("", "Bitnara", "ピッナラ", "빛나라"),
                            c("", "Nuri", "ヌリ", "누리"),
                            c("", "Dasol", "タソル", "다솔"),
                            c("", "Mirae", "ミレ", "미래")));

    static final List<String> MARKETS = List.of("BD", "ID", "IN", "LK", "MY", "PH", "TH", "VN");

    private record Template(String sector, String en, int size, String[][] needs) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template("energy", "LNG-to-power plant", 5, new String[][] {
                {"lng-terminal", "3"}, {"gas-turbines", "3"}, {"epc", "2"}, {"project-finance", "2"}
            }),
            new Template("energy", "Offshore wind farm", 5, new String[][] {
                {"offshore-wind", "3"}, {"epc", "2"}, {"grid", "2"}, {"insurance", "1"}
            }),
            new Template(
                    "energy", "Solar and storage park", 3, new String[][] {{"solar", "3"}, {"grid", "2"}, {"epc", "2"}
                    }),
            new Template("energy", "Small modular reactor feasibility study", 4, new String[][] {
                {"smr", "3"}, {"grid", "1"}, {"project-finance", "2"}
            }),
            new Template("energy", "LNG carrier fleet", 4, new String[][] {
                {"lng-shipping", "3"}, {"insurance", "2"}, {"project-finance", "2"}
            }),
            new Template("infrastructure", "Metro signalling upgrade", 3, new String[][] {
                {"signalling", "3"}, {"rolling-stock", "2"}, {"epc", "1"}
            }),
            new Template("infrastructure", "High-speed rail section", 5, new String[][] {
                {"rolling-stock", "3"}, {"signalling", "3"}, {"bridges", "2"}, {"project-finance", "2"}
            }),
            new Template("infrastructure", "Container port expansion", 4, new String[][] {
                {"ports", "3"}, {"epc", "2"}, {"iot-platform", "1"}
            }),
            new Template("infrastructure", "Expressway with river bridges", 4, new String[][] {
                {"roads", "3"}, {"bridges", "3"}, {"epc", "1"}
            }),
            new Template("digital", "National 5G Open RAN roll-out", 4, new String[][] {
                {"open-ran", "3"}, {"core-network", "3"}, {"soc", "1"}
            }),
            new Template("digital", "Hyperscale data center campus", 4, new String[][] {
                {"data-centers", "3"}, {"grid", "2"}, {"soc", "1"}
            }),
            new Template("cybersecurity", "Power-grid security operations centre", 2, new String[][] {
                {"soc", "3"}, {"ot-security", "3"}, {"ai-analytics", "1"}
            }),
            new Template("semiconductors", "Chip packaging and test plant", 4, new String[][] {
                {"chip-packaging", "3"}, {"fab-equipment", "2"}, {"epc", "1"}
            }),
            new Template("ai-iot", "Smart city operations platform", 3, new String[][] {
                {"smart-city", "3"}, {"iot-platform", "2"}, {"ai-analytics", "2"}, {"soc", "1"}
            }),
            new Template("silver", "Elder-care hospital network", 3, new String[][] {
                {"care-facilities", "3"}, {"eldercare-robotics", "2"}, {"telehealth", "2"}
            }),
            new Template("silver", "Rural telehealth for older people", 2, new String[][] {
                {"telehealth", "3"}, {"iot-platform", "2"}, {"care-facilities", "1"}
            }));

    private static final String[][] PLACES = {
        {"ID", "Batam"},
        {"VN", "Hai Phong"},
        {"PH", "Batangas"},
        {"TH", "Rayong"},
        {"IN", "Gujarat"},
        {"LK", "Colombo"},
        {"MY", "Johor"},
        {"BD", "Matarbari"},
        {"ID", "Surabaya"},
        {"VN", "Da Nang"},
        {"PH", "Cebu"},
        {"IN", "Chennai"},
        {"TH", "Chon Buri"}
    };

    private static final List<String> FINANCING = List.of("ADB", "DFC", "JBIC", "KEXIM", "NEXI");

    /**
     * Seeds the forum unless one exists. {@code newDelegateAccount} creates an account of role
     * delegate for an e-mail and returns its id (the demo's other delegates cannot sign in).
     */
    long seed(long organizerId, long demoDelegateId, Function<String, Long> newDelegateAccount) {
        ForumStore forums = new ForumStore(jdbi);
        List<ForumStore.Forum> existing = forums.forumsOf(organizerId, true);
        if (!existing.isEmpty()) {
            return existing.getLast().id();
        }
        OrganizationStore organizations = new OrganizationStore(jdbi);
        ProjectStore projects = new ProjectStore(jdbi);
        ProposalStore proposals = new ProposalStore(jdbi);
        MeetingStore meetings = new MeetingStore(jdbi);
        ForumPlanning planning = new ForumPlanning(forums, organizations, projects, proposals, meetings);
        Random random = new Random(12);
        ForumStore.Forum forum = forums.create(
                new ForumStore.NewForum(
                        Map.of(
                                "en", "US–Japan–Korea Emerging Markets Forum, Singapore",
                                "ja", "日米韓 新興国市場フォーラム（シンガポール）",
                                "ko", "한미일 신흥시장 포럼(싱가포르)"),
                        "Marina Bay Convention Centre",
                        Instant.parse("2027-03-16T01:00:00Z"),
                        "Asia/Singapore",
                        30,
                        16,
                        24,
                        false,
                        3),
                organizerId);
        long f = forum.id();
        List<ForumStore.CapabilityInput> taxonomy = new ArrayList<>();
        for (Sector s : SECTORS) {
            for (String[] cap : s.capabilities()) {
                taxonomy.add(new ForumStore.CapabilityInput(
                        cap[0], s.code(), Map.of("en", cap[1], "ja", cap[2], "ko", cap[3])));
            }
        }
        forums.replaceTaxonomy(f, new ForumStore.Taxonomy(taxonomy, MARKETS));
        List<ForumStore.Capability> capabilities = forums.capabilities(f);
        List<String> sectorCodes = SECTORS.stream().map(Sector::code).toList();
        List<String> codes =
                capabilities.stream().map(ForumStore.Capability::code).toList();

        Map<Long, String> countryOf = new LinkedHashMap<>();
        Map<Long, Long> delegateOf = new HashMap<>();
        for (String country : List.of("US", "JP", "KR")) {
            List<String[]> stems = STEMS.get(country);
            for (int i = 0; i < 40; i++) {
                String[] stem = stems.get(i % stems.size());
                Sector sector = SECTORS.get((i + (i / stems.size()) * 3 + country.length()) % SECTORS.size());
                Map<String, String> names = Map.of(
                        "en",
                        stem[1] + " " + sector.en(),
                        "ja",
                        country.equals("JP") ? stem[2] + sector.ja() : stem[2] + "・" + sector.ja(),
                        "ko",
                        country.equals("KR") ? stem[3] + sector.ko() : stem[3] + " " + sector.ko());
                List<String> own = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    own.add(sector.capabilities()
                            .get(random.nextInt(sector.capabilities().size()))[0]);
                }
                if (random.nextInt(4) == 0) {
                    // Many industrial firms also bring EPC or finance partners of their own.
                    own.add(random.nextBoolean() ? "epc" : "project-finance");
                }
                List<String> markets = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    markets.add(MARKETS.get(random.nextInt(MARKETS.size())));
                }
                long id = organizations.create(
                        f,
                        new OrganizationStore.NewOrganization(
                                names,
                                country,
                                List.of(sector.code()),
                                own.stream().distinct().toList(),
                                markets.stream().distinct().toList(),
                                1 + random.nextInt(5)),
                        true,
                        sectorCodes,
                        codes,
                        MARKETS);
                countryOf.put(id, country);
                long account = newDelegateAccount.apply(
                        "delegate-" + country.toLowerCase(java.util.Locale.ROOT) + "-" + (i + 1));
                organizations.addDelegate(f, account, id, DemoPeople.name(country, i), true);
                delegateOf.put(id, account);
            }
        }
        List<Long> orgIds = new ArrayList<>(countryOf.keySet());
        for (int i = 0; i < 6; i++) {
            long a = orgIds.get(random.nextInt(orgIds.size()));
            long b = orgIds.get(random.nextInt(orgIds.size()));
            if (a != b) {
                organizations.declareConflict(f, a, b);
            }
        }
        for (int p = 0; p < 40; p++) {
            Template t = TEMPLATES.get(p % TEMPLATES.size());
            String[] place = PLACES[(p * 5) % PLACES.length];
            List<String> financing = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                financing.add(FINANCING.get(random.nextInt(FINANCING.size())));
            }
            List<ProjectStore.Need> needs = new ArrayList<>();
            for (String[] n : t.needs()) {
                needs.add(new ProjectStore.Need(n[0], Integer.parseInt(n[1])));
            }
            long poster = orgIds.get(random.nextInt(orgIds.size()));
            long id = projects.create(
                    f,
                    new ProjectStore.NewProject(
                            t.en() + ", " + place[1],
                            place[0],
                            t.sector(),
                            t.size(),
                            financing.stream().distinct().toList(),
                            needs),
                    delegateOf.get(poster),
                    poster,
                    capabilities,
                    MARKETS);
            for (int k = 0; k < 4; k++) {
                projects.setInterest(f, id, orgIds.get(random.nextInt(orgIds.size())), true);
            }
        }
        planning.match(f);

        // The signed-in demo delegate speaks for the Japanese organization proposed most often.
        Map<Long, Integer> proposed = new HashMap<>();
        for (ProposalStore.Proposal p : proposals.proposals(f, null)) {
            p.members().stream()
                    .filter(m -> m.seat().equals("JP"))
                    .forEach(m -> proposed.merge(m.organizationId(), 1, Integer::sum));
        }
        long demoOrg = proposed.entrySet().stream()
                .max(Map.Entry.<Long, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow()
                .getKey();
        organizations.addDelegate(f, demoDelegateId, demoOrg, "Sato Haruka", true);

        // Some top proposals become consortia; the demo organization is in at least one.
        List<ProposalStore.Proposal> firsts =
                proposals.proposals(f, null).stream().filter(p -> p.rank() == 1).toList();
        List<ProposalStore.Proposal> accepted = new ArrayList<>(firsts.stream()
                .filter(p -> p.members().stream().anyMatch(m -> m.organizationId() == demoOrg))
                .limit(1)
                .toList());
        for (int i = 0; i < firsts.size() && accepted.size() < 5; i += 7) {
            if (!accepted.contains(firsts.get(i))) {
                accepted.add(firsts.get(i));
            }
        }
        for (ProposalStore.Proposal p : accepted) {
            for (ProposalStore.Member m : p.members()) {
                try {
                    proposals.answer(
                            f,
                            p.id(),
                            m.organizationId(),
                            delegateOf.get(m.organizationId()),
                            "accept",
                            forum.maxOpenConsortia());
                } catch (org.commonground.problem.Conflict full) {
                    break; // the member is at its consortium limit; the proposal stays open
                }
            }
        }

        // A day of meetings: consortium members meet three-way; others ask one-to-one.
        List<OrganizationStore.Delegate> delegates = organizations.delegates(f, false);
        for (OrganizationStore.Delegate d : delegates) {
            List<Integer> free = new ArrayList<>();
            for (int s = 0; s < forum.slots(); s++) {
                if (random.nextInt(6) != 0) {
                    free.add(s);
                }
            }
            organizations.setAvailability(f, d.accountId(), free, forum.slots());
        }
        java.util.Set<Long> approved = new java.util.HashSet<>();
        delegates.forEach(d -> approved.add(d.accountId()));
        for (ProposalStore.Consortium c : proposals.consortia(f, null)) {
            List<Long> who = c.members().stream()
                    .map(m -> delegateOf.get(m.organizationId()))
                    .toList();
            if (who.size() == 3) {
                MeetingStore.Meeting m = meetings.request(
                        f,
                        who.get(0),
                        new MeetingStore.NewMeeting(who.subList(1, 3), 3, "Kick-off: scope and financing", c.id()),
                        approved);
                acceptAll(meetings, f, m);
            }
        }
        for (int i = 0; i < 170; i++) {
            long a = delegates.get(random.nextInt(delegates.size())).accountId();
            long b = i % 9 == 0
                    ? demoDelegateId
                    : delegates.get(random.nextInt(delegates.size())).accountId();
            if (a == b) {
                continue;
            }
            MeetingStore.Meeting m = meetings.request(
                    f, a, new MeetingStore.NewMeeting(List.of(b), 1 + random.nextInt(3), "", null), approved);
            if (random.nextInt(8) == 0 && b != demoDelegateId) {
                meetings.answer(f, m.id(), b, "decline");
            } else if (b != demoDelegateId || random.nextInt(4) != 0) {
                acceptAll(meetings, f, m);
            }
        }
        planning.schedule(f, true);
        return f;
    }

    private static void acceptAll(MeetingStore meetings, long forumId, MeetingStore.Meeting m) {
        for (MeetingStore.Party p : m.parties()) {
            if (p.answer().equals("pending")) {
                meetings.answer(forumId, m.id(), p.accountId(), "accept");
            }
        }
    }
}
