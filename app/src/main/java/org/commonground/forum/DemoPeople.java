package org.commonground.forum;

import java.util.List;
import java.util.Map;

/** Invented delegate names for the demo forum, as they would be printed on a badge. */
final class DemoPeople {
    private static final Map<String, List<String>> NAMES = Map.of(
            "US",
                    List.of(
                            "Emily Carter",
                            "Marcus Reed",
                            "Olivia Brooks",
                            "Daniel Hayes",
                            "Grace Turner",
                            "Samuel Price",
                            "Hannah Cole",
                            "Ethan Ward"),
            "JP",
                    List.of(
                            "Yui Tanaka",
                            "Kenta Mori",
                            "Aoi Fujita",
                            "Ren Ishikawa",
                            "Mei Kobayashi",
                            "Sota Nakamura",
                            "Hina Okada",
                            "Daiki Yoshida"),
            "KR",
                    List.of(
                            "Kim Minji",
                            "Park Jihoon",
                            "Lee Seoyeon",
                            "Choi Hyunwoo",
                            "Jung Yuna",
                            "Kang Dohyun",
                            "Yoon Haeun",
                            "Han Jiwon"));

    private DemoPeople() {}

    static String name(String country, int i) {
        List<String> names = NAMES.get(country);
        return names.get(i % names.size()) + (i < names.size() ? "" : " " + (char) ('A' + i / names.size() - 1) + ".");
    }
}
