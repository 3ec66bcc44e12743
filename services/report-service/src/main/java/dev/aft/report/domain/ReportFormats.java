package dev.aft.report.domain;

import java.util.List;
import java.util.Locale;

/**
 * The report as CSV (the table and the gaps, full precision, one header) and as Markdown (the table with
 * {@code acc ± stderr} to three decimals, the gaps, the cost, the stages and completeness).
 */
public final class ReportFormats {

    public static final String CSV_HEADER =
            "kind,name,split,n,acc,acc_stderr,acc_norm,acc_norm_stderr,chance";

    private ReportFormats() {
    }

    /** One {@code result} row per condition and split, then one {@code gap} row per gap and split. */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Report.Cell c : report.table()) {
            out.append(String.join(",", "result", csvField(c.condition()), csvField(c.split()), String.valueOf(c.n()),
                    num(c.acc()), num(c.accStderr()), num(c.accNorm()), num(c.accNormStderr()), num(c.chance())))
                    .append('\n');
        }
        for (Report.Gap g : report.gaps()) {
            out.append(String.join(",", "gap", csvField(g.name()), csvField(g.split()), "", num(g.acc()),
                    num(g.accStderr()), num(g.accNorm()), num(g.accNormStderr()), "")).append('\n');
        }
        return out.toString();
    }

    public static String markdown(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("# Experiment ").append(report.experimentId()).append("\n\n");
        out.append("Status: **").append(report.status()).append("**");
        if (report.family() != null) {
            out.append(" · dataset `").append(report.datasetId()).append("` (").append(report.family()).append(')');
        }
        if (report.baseModel() != null) {
            out.append(" · base model `").append(report.baseModel()).append('`');
        }
        out.append("\n\n## Accuracy (acc ± stderr; acc_norm ± stderr)\n\n");
        out.append("| condition | split | n | acc | acc_norm | chance |\n|---|---|---:|---:|---:|---:|\n");
        for (Report.Cell c : report.table()) {
            out.append("| ").append(c.condition()).append(" | ").append(c.split()).append(" | ").append(c.n())
                    .append(" | ").append(pm(c.acc(), c.accStderr())).append(" | ").append(pm(c.accNorm(), c.accNormStderr()))
                    .append(" | ").append(fixed(c.chance())).append(" |\n");
        }
        out.append("\n## Generalization gaps\n\n");
        out.append("| gap | split | acc | acc_norm |\n|---|---|---:|---:|\n");
        for (Report.Gap g : report.gaps()) {
            out.append("| ").append(g.name()).append(" | ").append(g.split()).append(" | ")
                    .append(pm(g.acc(), g.accStderr())).append(" | ").append(pm(g.accNorm(), g.accNormStderr()))
                    .append(" |\n");
        }
        out.append("\n## Cost per condition\n\n");
        out.append("| condition | augmentation tokens (prompt/completion) | augmentation s | training tokens"
                + " | training examples | training s | eval prompt tokens | prompt tokens per query |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Report.Cost c : report.costs()) {
            out.append("| ").append(c.condition()).append(" | ").append(c.augmentationPromptTokens()).append(" / ")
                    .append(c.augmentationCompletionTokens()).append(" | ").append(seconds(c.augmentationMillis()))
                    .append(" | ").append(orDash(c.trainingTokens())).append(" | ").append(orDash(c.trainingExamples()))
                    .append(" | ").append(c.trainingMillis() == null ? "–" : seconds(c.trainingMillis()))
                    .append(" | ").append(orDash(c.evaluationPromptTokens())).append(" | ")
                    .append(c.promptTokensPerQuery() == null ? "–" : String.format(Locale.ROOT, "%.1f", c.promptTokensPerQuery()))
                    .append(" |\n");
        }
        if (report.completeness() != null) {
            out.append("\n## Stages\n\n| stage | state | reason |\n|---|---|---|\n");
            for (Report.StageState s : report.stages()) {
                out.append("| ").append(s.key()).append(" | ").append(s.state()).append(" | ")
                        .append(s.reason() == null ? "" : s.reason().replace("|", "\\|").replace("\n", " ")).append(" |\n");
            }
            out.append("\nCompleteness: ").append(report.completeness().completed()).append(" completed, ")
                    .append(report.completeness().failed()).append(" failed, ")
                    .append(report.completeness().missing().size()).append(" missing of ")
                    .append(report.completeness().expected()).append(" expected");
            List<String> missing = report.completeness().missing();
            if (!missing.isEmpty()) {
                out.append(" (").append(String.join(", ", missing)).append(')');
            }
            out.append(".\n");
        }
        return out.toString();
    }

    private static String pm(double value, double stderr) {
        return fixed(value) + " ± " + fixed(stderr);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String orDash(Object value) {
        return value == null ? "–" : value.toString();
    }

    private static String num(double value) {
        return Double.toString(value);
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
