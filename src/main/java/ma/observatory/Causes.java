package ma.observatory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A failure and its causes, walked the one safe way: Java refuses a throwable as its own cause, but
 * not a longer loop (a wrapper whose cause wraps it), nor a {@code getCause()} overridden to return
 * itself. The sentence a user is given is read from deep in such chains, and looking for it must
 * never hang or crash the program that is trying to explain a failure.
 */
public final class Causes {

    private Causes() {
    }

    /** The failure, then its cause, then that one's cause…, each once: a loop ends the list where it would repeat. */
    public static List<Throwable> of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The first throwable of the chain that is a {@code type}, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t : of(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The deepest cause: the failure itself when it has none. */
    public static Throwable root(Throwable failure) {
        List<Throwable> chain = of(failure);
        return chain.get(chain.size() - 1);
    }
}
