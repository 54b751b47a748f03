package dev.iafbt.store;

import dev.iafbt.store.StoreCheck.Problem;
import java.util.ArrayList;
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
}
