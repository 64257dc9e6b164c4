package ma.observatory.cube;

/** A typed input record that adds counts to the cube. */
public interface Stageable {

    StagedRow staged();
}
