package io.aigcwatch.stack.generate;

import java.util.List;
import java.util.Locale;

/**
 * Made-up company and investor names, one distinct name per index: the n-th Western or Chinese company gets a name
 * no other company of the data set has, since funding-service keeps one company per name. An index is spread over
 * the combinations by a multiplication modulo their count (a bijection, the stride being coprime with it), so that
 * neighbours do not share a first word; past the combinations a number follows the name.
 */
final class SyntheticNames {
    private static final List<String> PREFIXES = List.of("Nova", "Deep", "Bright", "Lumen", "Vector", "Quanta",
            "Aether", "Cobalt", "Helix", "Orbit", "Sable", "Tensor", "Vivid", "Zenith", "Arc", "Atlas", "Beacon",
            "Cipher", "Delta", "Echo", "Ember", "Flux", "Glyph", "Halo", "Ion", "Juno", "Kite", "Lyra", "Mosaic",
            "Nimbus", "Onyx", "Pixel", "Prism", "Radiant", "Sierra", "Solace", "Tidal", "Umbra", "Vesper", "Wren",
            "Axiom", "Boreal", "Cinder", "Drift", "Fable", "Granite", "Harbor", "Indigo", "Lattice", "Meridian",
            "North", "Opal", "Polar", "Quill", "Rune", "Signal", "True", "Verge", "Willow", "Yonder");
    private static final List<String> ROOTS = List.of("mind", "forge", "wave", "loop", "frame", "path", "scale",
            "sense", "stack", "works", "logic", "form", "light", "spark", "field", "gram", "mark", "point", "shift",
            "verse", "craft", "layer", "cast", "motion", "tone", "voice", "vision", "script", "pulse", "grid",
            "node", "core", "bit", "flow", "lens", "mesh", "scope", "tide", "weave", "wire", "matic", "sight",
            "phase", "bridge", "gate", "hive", "line", "pilot", "story", "draft", "render", "sonic", "vox", "kernel",
            "shape", "canvas", "studio", "agent", "ledger", "atlas");
    private static final List<String> SUFFIXES = List.of("AI", "Labs", "Systems", "Robotics", "Inc.", "Research",
            "Cloud", "Technologies", "Intelligence Ltd", "Dynamics", "Compute", "Machines");
    /** Pinyin and character, so that the Latin name and the local name say the same. */
    private static final String[][] SYLLABLES = {{"Zhi", "智"}, {"Yuan", "元"}, {"Shen", "深"}, {"Du", "度"},
            {"Yun", "云"}, {"Tu", "图"}, {"Xin", "芯"}, {"Ling", "灵"}, {"Hui", "慧"}, {"Ming", "明"}, {"Tian", "天"},
            {"Hai", "海"}, {"Feng", "风"}, {"Guang", "光"}, {"Hua", "华"}, {"Jing", "镜"}, {"Kun", "坤"},
            {"Lan", "澜"}, {"Mo", "墨"}, {"Pu", "谱"}, {"Qi", "启"}, {"Rui", "睿"}, {"Shu", "数"}, {"Si", "思"},
            {"Tong", "通"}, {"Wei", "维"}, {"Xing", "星"}, {"Yan", "言"}, {"Yi", "易"}, {"Yu", "宇"}, {"Zhong", "众"},
            {"Chuang", "创"}, {"Da", "达"}, {"Fan", "帆"}, {"Heng", "衡"}, {"Jian", "简"}, {"Kai", "凯"},
            {"Li", "力"}, {"Nan", "楠"}, {"Ping", "平"}, {"Qing", "清"}, {"Song", "松"}, {"Teng", "腾"},
            {"Xiao", "晓"}, {"Ye", "叶"}, {"Zhen", "臻"}, {"Bo", "博"}, {"Chen", "辰"}};
    private static final String[][] CHINESE_SUFFIXES = {{"Technology", "科技"}, {"Intelligence", "智能"},
            {"AI", "人工智能"}, {"Information", "信息"}, {"Robotics", "机器人"}, {"Network", "网络"}};
    private static final List<String> INVESTOR_KINDS = List.of("Capital", "Ventures", "Partners", "Growth",
            "Investment", "Fund", "Holdings", "Asset Management");
    private static final List<String> ANGELS = List.of("Alex Moreau", "Priya Natarajan", "Daniel Okafor",
            "Mei Lin", "Sofia Lindqvist", "Kenji Watanabe", "Hannah Weiss", "Omar Haddad", "Lucas Ferreira",
            "Grace Kim", "Wang Lei", "Elena Petrova");
    static final int INVESTORS = 3_000;

    private SyntheticNames() {
    }

    static String western(int index) {
        int combinations = PREFIXES.size() * ROOTS.size() * SUFFIXES.size();
        int spread = spread(index % combinations, combinations);
        String name = PREFIXES.get(spread / (ROOTS.size() * SUFFIXES.size()))
                + ROOTS.get(spread / SUFFIXES.size() % ROOTS.size()) + " " + SUFFIXES.get(spread % SUFFIXES.size());
        return numbered(name, index / combinations);
    }

    /** {@code [name, localName]} */
    static String[] chinese(int index) {
        // the second syllable is never the first: (a, b) -> (a, a + 1 + b) stays one-to-one for b below n - 1
        int seconds = SYLLABLES.length - 1;
        int combinations = SYLLABLES.length * seconds * CHINESE_SUFFIXES.length;
        int spread = spread(index % combinations, combinations);
        int firstIndex = spread / (seconds * CHINESE_SUFFIXES.length);
        String[] first = SYLLABLES[firstIndex];
        String[] second = SYLLABLES[(firstIndex + 1 + spread / CHINESE_SUFFIXES.length % seconds) % SYLLABLES.length];
        String[] suffix = CHINESE_SUFFIXES[spread % CHINESE_SUFFIXES.length];
        int round = index / combinations;
        String number = round == 0 ? "" : Integer.toString(round + 1);
        return new String[] {numbered(first[0] + second[0].toLowerCase(Locale.ROOT) + " " + suffix[0], round),
                first[1] + second[1] + suffix[1] + number};
    }

    /** A pool of {@link #INVESTORS} firms; the lowest indices are the busiest (see the generator). */
    static String investor(int index) {
        if (index < ANGELS.size()) {
            return ANGELS.get(index);
        }
        int firm = spread(index, PREFIXES.size() * INVESTOR_KINDS.size() * SYLLABLES.length);
        String kind = INVESTOR_KINDS.get(firm % INVESTOR_KINDS.size());
        int word = firm / INVESTOR_KINDS.size();
        // a quarter of the firms have Chinese names, as a Chinese round's investors mostly do; each stem is one
        // word's own, so no two firms share a name (a round must not list one investor twice)
        int chinese = word / 4;
        String stem = word % 4 == 0
                ? SYLLABLES[chinese % SYLLABLES.length][0] + SYLLABLES[chinese / SYLLABLES.length][0]
                        .toLowerCase(Locale.ROOT)
                : PREFIXES.get(word % PREFIXES.size()) + " " + capitalised(ROOTS.get(word / PREFIXES.size()));
        return stem + " " + kind;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String numbered(String name, int round) {
        return round == 0 ? name : name + " " + (round + 1);
    }

    /** A bijection of [0, n): multiplies by a prime that divides no n used here. */
    private static int spread(int index, int n) {
        return (int) ((long) index * 7_919 % n);
    }
}
