package io.aigcwatch.market.forecast;

import io.aigcwatch.market.shares.FundingSeries;

import java.util.List;

/**
 * What the report says that the recorded funding can confirm or contradict, with the line of the report's repost
 * (shared/seed) that says it and how it is read. The report speaks of revenue models and stages, not of funding
 * shares, so each claim carries its reading: a reader who reads a line another way can see which reading was
 * checked. Two kinds: a share of one category that should rise or fall between two years (checked against the
 * data's projected trend), and USD raised that should multiply between two complete years (checked against what
 * was recorded).
 */
record ReportClaim(int line, String says, String reading, FundingSeries series, String category, int fromYear,
                   int toYear, Direction direction, double atLeastTimes) {

    enum Direction { RISES, FALLS, MULTIPLIES }

    /** The report's own claims 2 and 4 pull the application layer's share opposite ways: both are checked. */
    static final List<ReportClaim> ALL = List.of(
            new ReportClaim(29, "培育摸索期(2023-2025): 基于Stable Diffusion等开源模型的上层应用迅速出现",
                    "applications appear quickly from 2023 to 2025: the application layer's share of funding rises",
                    FundingSeries.LAYER, "APPLICATION", 2023, 2025, Direction.RISES, 0),
            new ReportClaim(33, "应用蓬勃期(2025-2027): 整体入局玩家增多,尤其是大量应用层玩家",
                    "many application-layer players enter from 2025 to 2027: the application layer's share rises",
                    FundingSeries.LAYER, "APPLICATION", 2025, 2027, Direction.RISES, 0),
            new ReportClaim(59, "MaaS(适用于底层大模型和中间层进行变现): 到2027年占市场规模比例将从5%增长至47%",
                    "MaaS is how base and middle-layer models earn: the model layer's share of funding rises to 2027",
                    FundingSeries.LAYER, "MODEL", 2023, 2027, Direction.RISES, 0),
            new ReportClaim(65, "按产出内容量收费(适用于应用层变现): 到2027年占比将从60%下降至32%",
                    "pay per output is how the application layer earns: its share of funding falls to 2027",
                    FundingSeries.LAYER, "APPLICATION", 2023, 2027, Direction.FALLS, 0),
            new ReportClaim(45, "预计本年度融资规模将有数倍增长",
                    "China's AIGC funding in 2023 is several times 2022's: read as at least double",
                    FundingSeries.COUNTRY, "CN", 2022, 2023, Direction.MULTIPLIES, 2),
            new ReportClaim(47, "预计到2024年左右,融资规模将出现首次阶段性的指数级增加",
                    "funding jumps around 2024: read as USD raised in 2024 at least double 2023's",
                    FundingSeries.LAYER, null, 2023, 2024, Direction.MULTIPLIES, 2));
}
