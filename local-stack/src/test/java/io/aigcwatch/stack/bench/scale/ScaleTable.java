package io.aigcwatch.stack.bench.scale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's one table: a row per metric, a column per size, in the order they were measured. */
final class ScaleTable {
    private final Map<String, Map<Long, String>> cells = new LinkedHashMap<>();

    void put(String metric, long size, String cell) {
        cells.computeIfAbsent(metric, m -> new LinkedHashMap<>()).put(size, cell);
    }

    String markdown(List<Long> sizes) {
        StringBuilder table = new StringBuilder("| metric |");
        sizes.forEach(size -> table.append(String.format(" %,d rounds |", size)));
        table.append("\n|---|");
        sizes.forEach(size -> table.append("---|"));
        table.append('\n');
        cells.forEach((metric, bySize) -> {
            table.append("| ").append(metric).append(" |");
            sizes.forEach(size -> table.append(' ').append(bySize.getOrDefault(size, "-")).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }
}
