package org.commonground.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes two look-alike statements say different things, read off the text with small
 * hand-written lexicons: a negation, a stance word and its opposite (support / oppose, increase /
 * reduce …), the countries and actors named, and the numbers given. Shared words and characters
 * say two statements are about the same thing; these say whether they claim the same about it.
 *
 * @param negated   odd number of negations (a double negative such as 〜なければならない is none)
 * @param stances   per stance pair, bit 0: the first pole occurs, bit 1: the opposite pole occurs
 * @param names     bit per country or actor named (see {@link #NAMES})
 * @param numbers   digit runs, as written after NFKC (2030, 30 …)
 * @param countries the countries named one by one (not as 日韓 / 한일), in order of first mention:
 *                  "Japan should understand Korea" is not "Korea should understand Japan"
 */
record ClaimSignals(boolean negated, int[] stances, long names, Set<String> numbers, List<Integer> countries) {

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    /** Idioms that contain a negation and mean none (obligation, "not only", lexicalised adjectives). */
    private static final Pattern NOT_NEGATIONS = p("なければならな[いく]|なければいけな[いく]|なくてはならな[いく]|なくてはいけな[いく]|ざるを得な[いく]|"
            + "しかない|ほかない|に違いない|だけでなく|のみならず|少な[いかくけ]|危な[いかく]|足りな[いく]|つまらな[いく]|"
            + "해야\\s*하지\\s*않을까|뿐만\\s*아니라|뿐\\s*아니라|지\\s*않으면\\s*안\\s*된|없어서는\\s*안|밖에\\s*없|"
            + "not only|no doubt|no longer|cannot be ignored|not enough|nothing but");

    private static final Pattern NEGATIONS = p(
            // One match per negation: べきではない is counted once, by its ない.
            "ない|なく|なけれ|なきゃ|なしに|なしでは|抜きに|ません|ず[、。にも]|ずに|ぬ|"
                    + "않|(?<![가-힣])안\\s|안\\s?돼|(?<![가-힣])못\\s|못하|없|아니|말아야|말자|"
                    + "\\bnot\\b|n't\\b|\\bnever\\b|\\bno\\b|\\bnor\\b|\\bwithout\\b|\\bcannot\\b|\\bunless\\b|"
                    + "\\bnobody\\b|\\bno one\\b|\\bnothing\\b|\\bnone\\b");

    /** Stance pairs: the first pattern and its opposite, in ja, ko and en together. */
    private static final List<Pattern[]> STANCES = List.of(
            new Pattern[] {p("賛成|支持|찬성|지지|\\bsupport|\\bin favou?r\\b"), p("反対|반대|\\boppos|\\bagainst\\b")},
            new Pattern[] {
                p(
                        "増や|増え|増加|拡大|拡充|引き上げ|上げる|高める|늘리|늘려|늘어|확대|증가|인상|높이|\\bincreas|\\bexpand|\\bmore\\b|\\braise|\\bgrow|\\bhigher\\b|\\bboost"),
                p(
                        "減ら|減る|減少|削減|縮小|引き下げ|下げる|抑え|줄이|줄여|줄어|축소|감소|삭감|인하|낮추|\\breduc|\\bcut|\\bdecreas|\\bless\\b|\\bfewer\\b|\\blower|\\bshrink")
            },
            new Pattern[] {
                p("再稼働|稼働延長|推進|재가동|재가동|계속\\s*운전|수명\\s*연장|\\brestart|\\bkeep\\b.*\\brunning|\\bextend"),
                p("廃止|脱原発|停止|廃炉|폐지|탈원전|중단|폐쇄|\\bphas(e|ed|ing)\\s*out|\\bshut|\\babolish|\\bdecommission")
            },
            new Pattern[] {
                p("認め[るてた]|許可|容認|解禁|허용|인정|\\ballow|\\bpermit|\\baccept"),
                p("禁止|認めな|規制強化|금지|불허|\\bban\\b|\\bbann|\\bprohibit|\\bforbid")
            },
            new Pattern[] {
                p("十分|충분|\\benough\\b|\\bsufficient|\\badequate"),
                p("不十分|不足|충분하지|불충분|부족|\\binsufficient|\\binadequate|\\black|\\btoo (little|few)\\b")
            },
            new Pattern[] {
                p("成功|効果があ|役立|성공|효과가\\s*있|도움이\\s*되|\\bsucce|\\bworked\\b|\\beffective"),
                p("失敗|効果がな|逆効果|실패|효과가\\s*없|역효과|\\bfail|\\bineffective|\\bbackfir")
            },
            new Pattern[] {
                p("良[いく]|よ[いく]なっ|改善|좋아|좋은|개선|\\bbetter\\b|\\bimprov|\\bgood\\b"),
                p("悪[いく]|悪化|나빠|나쁜|악화|\\bworse\\b|\\bdeteriorat|\\bbad\\b")
            },
            new Pattern[] {
                p(
                        "早め|前倒し|急ぐ|早く|앞당|서둘|빨리|\\bsooner\\b|\\bearlier\\b|\\bspeed up|\\baccelerat|\\b(bring|brought|move|moved) forward"),
                p("遅らせ|先送り|延期|慎重に|늦추|늦춰|늦춘|미루|미뤄|연기|신중|\\blater\\b|\\bdelay|\\bpostpone|\\bslow")
            });

    /** Countries and actors; a statement naming Japan is not a duplicate of one naming Korea instead. */
    static final List<Pattern> NAMES = List.of(
            p("北朝鮮|북한|north korea|dprk|pyongyang|平壌|평양"),
            p("日本|日韓|日米|일본|한일|일한|\\bjapan|tokyo|東京|도쿄"),
            p("韓国|日韓|韓日|한국|한일|일한|한미|한중|한·|(?<!north )korea|seoul|ソウル|서울"),
            p("米国|アメリカ|日米|米韓|미국|한미|미일|\\bthe us\\b|\\bu\\.s\\.|united states|america|washington"),
            p("中国|중국|china|chinese|beijing|北京|베이징"),
            p("政府|정부|government|官邸|청와대|대통령실|administration"),
            p("企業|経済界|財界|기업|재계|compan|business|industry|corporat"),
            p("若者|若い世代|学生|청년|젊은|학생|young|youth|student"),
            p("高齢者|お年寄り|シニア|노인|고령자|어르신|elderly|older people|senior|pensioner"),
            p("市民|国民|住民|시민|국민|주민|citizen|residents|the public"),
            p("メディア|報道|マスコミ|언론|미디어|media|press|journalis"));

    private static final List<Pattern> COUNTRIES = List.of(
            p("北朝鮮|북한|north korea"),
            p("日本|일본|japan|東京|도쿄|tokyo"),
            p("韓国|한국|(?<!north )korea|ソウル|서울|seoul"),
            p("米国|アメリカ|미국|\\bthe us\\b|\\bu\\.s\\.|united states|america"),
            p("中国|중국|china|chinese"));

    private static final Pattern DIGITS = Pattern.compile("\\d+(?:[.,]\\d+)?");

    static ClaimSignals of(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int negations = count(NEGATIONS, without(NOT_NEGATIONS, t));
        int[] stances = new int[STANCES.size()];
        for (int i = 0; i < stances.length; i++) {
            Pattern[] pair = STANCES.get(i);
            // The opposite pole first: 不十分 contains 十分, 충분하지 contains 충분.
            String rest = without(pair[1], t);
            boolean opposite = rest != t;
            stances[i] = (pair[0].matcher(rest).find() ? 1 : 0) | (opposite ? 2 : 0);
        }
        long names = 0;
        for (int i = 0; i < NAMES.size(); i++) {
            if (NAMES.get(i).matcher(t).find()) {
                names |= 1L << i;
            }
        }
        Set<String> numbers = new TreeSet<>();
        Matcher m = DIGITS.matcher(t);
        while (m.find()) {
            numbers.add(m.group().replace(",", ""));
        }
        TreeMap<Integer, Integer> byPosition = new TreeMap<>();
        for (int i = 0; i < COUNTRIES.size(); i++) {
            Matcher c = COUNTRIES.get(i).matcher(t);
            if (c.find()) {
                byPosition.put(c.start(), i);
            }
        }
        return new ClaimSignals(negations % 2 == 1, stances, names, numbers, List.copyOf(byPosition.values()));
    }

    /** The text with the pattern's matches blanked out; the same instance when there is none. */
    private static String without(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(" ") : text;
    }

    private static int count(Pattern pattern, String text) {
        int n = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** A stance one text takes and the other contradicts (one pole only on each side, opposite ones). */
    boolean contradictsStance(ClaimSignals other) {
        for (int i = 0; i < stances.length; i++) {
            int a = stances[i];
            int b = other.stances[i];
            if ((a == 1 && b == 2) || (a == 2 && b == 1)) {
                return true;
            }
        }
        return false;
    }

    /** Bits of {@link #NAMES} that are countries (the first five); the rest are actors. */
    private static final long COUNTRY_BITS = 0b11111;

    /**
     * How far the countries and actors named disagree: 0 when they agree or one side names none of
     * a kind, 1 when one side names only some of the other's (a subject left out), 2 when each
     * names one the other does not.
     */
    int namesDisagree(ClaimSignals other) {
        return Math.max(
                disagree(names & COUNTRY_BITS, other.names & COUNTRY_BITS),
                disagree(names & ~COUNTRY_BITS, other.names & ~COUNTRY_BITS));
    }

    private static int disagree(long a, long b) {
        if (a == 0 || b == 0 || a == b) {
            return 0;
        }
        return (a & b) == a || (a & b) == b ? 1 : 2;
    }

    /**
     * The first two countries each names come in the other order in the other text (their roles
     * swapped: "Japan should understand Korea"). Both ways, so that moving a third country to the
     * front ("On North Korea, Japan and Korea should …") is no swap.
     */
    boolean swapsCountries(ClaimSignals other) {
        return reversedIn(countries, other.countries) && reversedIn(other.countries, countries);
    }

    private static boolean reversedIn(List<Integer> a, List<Integer> b) {
        if (a.size() < 2) {
            return false;
        }
        int first = b.indexOf(a.get(0));
        int second = b.indexOf(a.get(1));
        return first >= 0 && second >= 0 && second < first;
    }

    /** Both give numbers, and not the same ones. */
    boolean numbersDiffer(ClaimSignals other) {
        return !numbers.isEmpty() && !other.numbers.isEmpty() && !numbers.equals(other.numbers);
    }
}
