package ma.observatory.geo;

/** One row of the geography reference: a country, a region, or a finer unit with its parent. */
public record Place(String code, String nameFr, String nameEn, String level, String parent) {

    public String name(String language) {
        String name = "en".equals(language) ? nameEn : nameFr;
        return name == null || name.isBlank() ? code : name;
    }
}
