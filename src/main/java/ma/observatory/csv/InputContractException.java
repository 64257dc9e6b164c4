package ma.observatory.csv;

/**
 * The input breaks the data contract as a whole (a file or column missing, a damaged file, too many
 * rejected rows): the run stops before anything is written and the process exits with code 3.
 * The message is the one sentence the user reads, so it names the file and says what to do.
 */
public class InputContractException extends RuntimeException {

    public InputContractException(String message) {
        super(message);
    }

    public InputContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
