package ma.observatory.outsourcing;

/** Free text cut to the width of its column, so a long name never fails a step. */
final class Text {

    private Text() {
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
