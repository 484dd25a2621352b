import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationCalculator.Participant;
import no.torn.grants.domain.AllocationCalculator.Result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Allocation of one RHF pot over 1,000 HFs (far beyond the largest real RHF) with the production calculator.
 * Plain Java main: warm-up, then timed runs; prints p50/p95/p99/max per allocation and checks the sum every run.
 * <p>
 * Run (see README.md): java -cp grants-service/target/classes AllocationBench.java [hfs] [runs]
 */
public class AllocationBench {

    public static void main(String[] args) {
        int hfs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Random random = new Random(42);
        List<Participant> participants = new ArrayList<>(hfs);
        for (int i = 0; i < hfs; i++) {
            participants.add(new Participant(String.format("hf-%04d", i), 1 + random.nextInt(25_000_000)));
        }
        long minimum = 250_000;
        long pot = minimum * hfs + 7_654_321_987L;

        for (int i = 0; i < 500; i++) {
            check(AllocationCalculator.allocate(pot, minimum, participants), pot);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Result r = AllocationCalculator.allocate(pot + i, minimum, participants);
            nanos[i] = System.nanoTime() - start;
            check(r, pot + i);
        }
        Arrays.sort(nanos);
        System.out.printf("allocation of %d HFs, %d runs: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                hfs, runs, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[runs - 1] / 1e6);
    }

    private static void check(Result r, long pot) {
        if (r.total() != pot) {
            throw new AssertionError("sum " + r.total() + " != pot " + pot);
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
