package ma.observatory.csv;

/** A closed set of codes as written in the files ({@code urban}, {@code 15+}, {@code crm}...). */
public interface Vocabulary {

    String code();
}
