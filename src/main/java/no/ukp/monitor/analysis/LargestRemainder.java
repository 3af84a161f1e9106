package no.ukp.monitor.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Rounding for display so that the shown parts add up to the shown total (largest remainder,
 * Hamilton's method): each part is rounded down, and the units still missing to the rounded total
 * go, one each, to the parts that lost the most. The one rounding of the decomposition's
 * contributions wherever they are shown rounded (the report); the API carries them unrounded.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * The parts rounded to {@code decimals} so that they add up to {@code total} rounded half up;
     * {@code total} is the parts' exact sum (a difference below one unit of {@code decimals}, as
     * from a division, is absorbed). Null parts are null in the answer and count as 0.
     */
    public static List<BigDecimal> round(List<BigDecimal> parts, BigDecimal total, int decimals) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        List<BigDecimal> floors = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal part : parts) {
            BigDecimal floor = part == null ? null : part.setScale(decimals, RoundingMode.FLOOR);
            floors.add(floor);
            sum = floor == null ? sum : sum.add(floor);
        }
        int missing = total.setScale(decimals, RoundingMode.HALF_UP).subtract(sum).divide(unit).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, parts.size()).boxed()
                .filter(i -> parts.get(i) != null)
                .sorted(Comparator.comparing((Integer i) -> parts.get(i).subtract(floors.get(i))).reversed())
                .toList();
        for (int k = 0; k < Math.min(missing, byRemainder.size()); k++) {
            int i = byRemainder.get(k);
            floors.set(i, floors.get(i).add(unit));
        }
        return floors;
    }
}
