package ma.observatory.run;

/**
 * What to start the program with after the heap ran out. Without other classes (no logger): it is
 * worked out when the program starts, before its libraries are known to be there.
 */
public final class HeapAdvice {

    private HeapAdvice() {
    }

    /**
     * The heap to ask for after this one ran out, as a command: twice what it had (512 MB at least,
     * in steps of 256 MB), since a fixed example (512 MB) would tell a run that had 1 GB to take less.
     */
    public static String moreMemory() {
        return "java -Xmx" + moreMemoryMb(Runtime.getRuntime().maxMemory() >> 20) + "m -jar labour-observatory.jar";
    }

    static long moreMemoryMb(long hadMb) {
        long wanted = Math.max(512, 2 * hadMb);
        return (wanted + 255) / 256 * 256;
    }
}
