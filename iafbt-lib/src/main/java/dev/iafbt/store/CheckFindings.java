package dev.iafbt.store;

import dev.iafbt.store.StoreCheck.Kind;
import dev.iafbt.store.StoreCheck.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a store check has found and, when it repairs, fixed: shared by the local and the object store's check. */
final class CheckFindings {
    private final boolean repair;
    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> repaired = new ArrayList<>();

    CheckFindings(boolean repair) {
        this.repair = repair;
    }

    /** Records a finding; true when it is to be fixed now. */
    boolean fix(Problem problem) {
        found.add(problem);
        if (repair && problem.kind().repairable()) {
            repaired.add(problem);
            return true;
        }
        return false;
    }

    /** The check's result: after a repair, only what the bundles cannot fix remains a problem. */
    StoreCheck result(String store) {
        List<Problem> remaining = repair ? found.stream().filter(p -> !p.kind().repairable()).toList() : found;
        return new StoreCheck(store, remaining, repaired);
    }

    /**
     * How one Tier-2 dataset of one handle disagrees with its bundle, the same in every tiered store:
     * {@code expected} is what the bundle's rows encode to (null when it has none), {@code actual}
     * what the store holds (null when absent). Null when they agree.
     *
     * @param location where the stored partition is (file or object), for the message
     * @param noun     what the store calls that partition ("partition", "Tier-2 object")
     */
    static Problem tier2Problem(String handle, Tier2Dataset dataset, String location, String noun, byte[] expected,
            byte[] actual) {
        if (expected == null && actual != null) {
            return new Problem(Kind.ORPHAN_PARTITION, handle, location, "the bundle has no " + dataset.folderName());
        } else if (expected != null && actual == null) {
            return new Problem(Kind.MISSING_PARTITION, handle, location, "the bundle's " + dataset.folderName()
                    + " have no " + noun);
        } else if (expected != null && !Arrays.equals(expected, actual)) {
            return new Problem(Kind.STALE_PARTITION, handle, location, "the " + noun + " is not the bundle's "
                    + dataset.folderName());
        }
        return null;
    }
}
