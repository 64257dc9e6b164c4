package ma.observatory.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Sits between the decoder and Commons CSV and bounds the memory one record can take.
 *
 * <p>Commons CSV reads a whole field into a {@code StringBuilder} and a whole record into a list;
 * 1.14.1 has no setting to limit either (only {@code setMaxRows}). A quote that is never closed
 * would therefore pull the rest of a multi-gigabyte file into memory. This reader follows the same
 * grammar as the lexer Commons CSV runs with our format (quote {@code "} only at the start of a
 * field, doubled inside, no escape character, no comments, CR, LF or CRLF ending a record, blank
 * lines kept, whitespace allowed after a closing quote) and, as the text goes through:
 * <ul>
 * <li>passes the first {@code maxFieldChars} characters of a field and drops the rest of it, but
 *     never the quotes, separators and line ends that give the record its shape;</li>
 * <li>once a record holds more than {@code maxRecordChars} characters (values and separators), drops
 *     everything up to its end except what closes it properly;</li>
 * <li>notes, for each record it cut, its real size and how many line breaks it dropped, so the
 *     caller can reject that row with its true length and keep counting lines as an editor does.</li>
 * </ul>
 * The parser thus sees a well-formed record of bounded size and goes on with the next one. A file
 * that never closes its quote is still read to its end (in constant memory) and then fails in the
 * parser, as it did before; {@link #unclosedQuoteLine()} says where that quote opened.
 *
 * <p>Files within the limits go through unchanged, character for character.
 */
final class BoundedCsvReader extends Reader {

    /**
     * What was cut from one record.
     *
     * @param record            index of the record in the file, the header being 0, blank lines counted
     * @param line              line on which the record starts
     * @param field             0-based position of the first field longer than the limit, or -1
     * @param fieldChars        real length of that field (its text, without the surrounding quotes)
     * @param recordChars       real length of the record: its values plus separators
     * @param recordTooLong     the record itself went over its limit, and its end was dropped
     * @param droppedLineBreaks line breaks inside dropped quoted text
     * @param droppedChars      characters not passed to the parser
     */
    record Overflow(long record, long line, int field, long fieldChars, long recordChars, boolean recordTooLong,
                    long droppedLineBreaks, long droppedChars) {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_CLOSING_QUOTE }

    private static final char QUOTE = '"';
    private static final char CR = '\r';
    private static final char LF = '\n';

    private final Reader in;
    private final char delimiter;
    private final long maxFieldChars;
    private final long maxRecordChars;
    private final char[] inBuf = new char[8192];
    private final char[] out = new char[2 * 8192 + 2];
    private int outPos;
    private int outLimit;
    private boolean eof;
    /**
     * Where Commons CSV would have failed on text it never saw (it was dropped), the failure it
     * would have given; raised once the parser has taken everything before it.
     */
    private IOException pendingError;

    private State state = State.FIELD_START;
    /** Text after a closing quote that Commons CSV refuses: from here on everything is passed as is. */
    private boolean broken;
    private int prevRaw = -1;
    private long lineBreaks;

    private long recordIndex;
    private boolean recordHasChars;
    private long recordLine = 1;
    private int fieldIndex;
    private long fieldChars;
    private long recordChars;
    private boolean fieldDropping;
    private boolean recordDropping;
    /** An opening quote of the current field was passed and its closing quote not yet. */
    private boolean outQuoted;
    private long quoteLine;

    // the overflow of the current record, if any
    private boolean overflowed;
    private int overflowField = -1;
    private long overflowFieldChars;
    private long droppedLineBreaks;
    private long droppedChars;

    private final ArrayDeque<Overflow> overflows = new ArrayDeque<>();
    private long unclosedQuoteLine;
    private long unclosedQuoteChars;

    BoundedCsvReader(Reader in, char delimiter, long maxFieldChars, long maxRecordChars) {
        if (maxFieldChars < 1 || maxRecordChars < maxFieldChars) {
            throw new IllegalArgumentException("limits must be positive and a record at least as long as a field: "
                    + maxFieldChars + ", " + maxRecordChars);
        }
        if (delimiter == QUOTE || delimiter == CR || delimiter == LF) {
            throw new IllegalArgumentException("unsupported separator " + (int) delimiter);
        }
        this.in = in;
        this.delimiter = delimiter;
        this.maxFieldChars = maxFieldChars;
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * The overflow of record {@code index} if it was cut, else {@code null}. Records must be asked
     * for in increasing order, each after the parser returned it.
     */
    Overflow overflowOf(long index) {
        while (!overflows.isEmpty() && overflows.peekFirst().record() < index) {
            overflows.pollFirst(); // a record the caller never asked about (cannot happen when called for each)
        }
        if (!overflows.isEmpty() && overflows.peekFirst().record() == index) {
            return overflows.pollFirst();
        }
        return null;
    }

    /** The line where a quoted field opened that the end of the file left open, or 0. */
    long unclosedQuoteLine() {
        return unclosedQuoteLine;
    }

    /** How many characters that unclosed quoted field holds. */
    long unclosedQuoteChars() {
        return unclosedQuoteChars;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLimit) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(out, outPos, cbuf, off, n);
        outPos += n;
        return n;
    }

    /** Filters the next block of input; {@code false} once the end has been reached and all was handed out. */
    private boolean fill() throws IOException {
        outPos = 0;
        outLimit = 0;
        if (pendingError != null) {
            throw pendingError;
        }
        if (eof) {
            return false;
        }
        int n = in.read(inBuf, 0, inBuf.length);
        if (n < 0) {
            eof = true;
            endOfInput();
            return outLimit > 0 || pendingError != null;
        }
        int i = 0;
        while (i < n && pendingError == null) {
            if (broken) {
                System.arraycopy(inBuf, i, out, outLimit, n - i);
                outLimit += n - i;
                break;
            }
            int run = plainRun(i, n);
            if (run > 0) {
                System.arraycopy(inBuf, i, out, outLimit, run);
                outLimit += run;
                fieldChars += run;
                recordChars += run;
                prevRaw = inBuf[i + run - 1];
                i += run;
            } else {
                accept(inBuf[i++]);
            }
        }
        return true;
    }

    /**
     * The fast path: how many characters from {@code inBuf[i]} on are plain text of the current
     * field, within its limits, with nothing for the grammar to act on (no separator, quote or line
     * break); they go through as they are.
     */
    private int plainRun(int i, int n) {
        if (fieldDropping || recordDropping) {
            return 0;
        }
        boolean unquoted = state == State.UNQUOTED;
        if (state == State.FIELD_START) {
            char first = inBuf[i];
            if (first == delimiter || first == QUOTE || first == CR || first == LF) {
                return 0;
            }
            // A plain first character opens an unquoted field, as accept() would decide: the
            // common field then takes no per-character step before its separator.
            if (!recordHasChars) {
                recordHasChars = true;
                recordLine = lineBreaks + 1;
            }
            state = State.UNQUOTED;
            unquoted = true;
        } else if (!unquoted && state != State.QUOTED) {
            return 0;
        }
        long room = Math.min(maxFieldChars - fieldChars, maxRecordChars - recordChars);
        int end = (int) Math.min(n, i + room);
        int j = i;
        char stop = unquoted ? delimiter : QUOTE;
        while (j < end) {
            char c = inBuf[j];
            if (c == stop || c == CR || c == LF) {
                break;
            }
            j++;
        }
        return j - i;
    }

    private void emit(char c) {
        out[outLimit++] = c;
    }

    private void drop(char c) {
        droppedChars++;
        if (c == CR || (c == LF && prevRaw != CR)) {
            droppedLineBreaks++;
        }
    }

    private void accept(char c) {
        if (broken) {
            emit(c);
            return;
        }
        if (state == State.FIELD_START && !recordHasChars && c == LF && prevRaw == CR) {
            emit(c); // second half of a CRLF that ended the previous record
            prevRaw = c;
            return;
        }
        if (!recordHasChars) {
            recordHasChars = true;
            recordLine = lineBreaks + 1;
        }
        switch (state) {
            case FIELD_START -> {
                if (c == delimiter) {
                    separator(c);
                } else if (c == CR || c == LF) {
                    endOfRecord(c);
                } else if (c == QUOTE) {
                    quoteLine = lineBreaks + 1;
                    state = State.QUOTED;
                    if (recordDropping) {
                        drop(c);
                    } else {
                        outQuoted = true;
                        emit(c);
                    }
                } else {
                    state = State.UNQUOTED;
                    content(c);
                }
            }
            case UNQUOTED -> {
                if (c == delimiter) {
                    separator(c);
                } else if (c == CR || c == LF) {
                    endOfRecord(c);
                } else {
                    content(c);
                }
            }
            case QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTE_IN_QUOTED; // closing, or the first of a doubled quote: the next one says
                } else {
                    content(c);
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                    countContent();
                    if (fieldDropping || recordDropping) {
                        droppedChars += 2;
                    } else {
                        emit(QUOTE);
                        emit(QUOTE);
                    }
                } else {
                    closingQuote();
                    afterClosingQuote(c);
                }
            }
            case AFTER_CLOSING_QUOTE -> afterClosingQuote(c);
            default -> throw new IllegalStateException(state.name());
        }
        if (c == CR || (c == LF && prevRaw != CR)) {
            lineBreaks++;
        }
        prevRaw = c;
    }

    private void closingQuote() {
        state = State.AFTER_CLOSING_QUOTE;
        if (outQuoted) {
            emit(QUOTE);
            outQuoted = false;
        } else {
            droppedChars++;
        }
    }

    private void afterClosingQuote(char c) {
        state = State.AFTER_CLOSING_QUOTE;
        if (c == delimiter) {
            separator(c);
        } else if (c == CR || c == LF) {
            endOfRecord(c);
        } else if (Character.isWhitespace(c)) {
            if (recordDropping) {
                drop(c);
            } else {
                emit(c); // Commons CSV skips it
            }
        } else if (recordDropping) {
            // Commons CSV would refuse this character but never sees it: fail as it would have.
            pendingError = new IOException("Invalid character between encapsulated token and delimiter at line: "
                    + (lineBreaks + 1));
        } else {
            // Commons CSV stops here with "invalid character between encapsulated token and delimiter".
            broken = true;
            emit(c);
        }
    }

    private void countContent() {
        fieldChars++;
        recordChars++;
        if (fieldChars > maxFieldChars && !fieldDropping) {
            fieldDropping = true;
            if (overflowField < 0) {
                overflowField = fieldIndex;
            }
            overflowed = true;
        }
        if (fieldIndex == overflowField) {
            overflowFieldChars = fieldChars;
        }
        if (recordChars > maxRecordChars && !recordDropping) {
            recordDropping = true;
            overflowed = true;
        }
    }

    private void content(char c) {
        countContent();
        if (fieldDropping || recordDropping) {
            drop(c);
        } else {
            emit(c);
        }
    }

    private void separator(char c) {
        recordChars++;
        if (recordChars > maxRecordChars && !recordDropping) {
            recordDropping = true;
            overflowed = true;
        }
        if (recordDropping) {
            drop(c);
        } else {
            emit(c);
        }
        state = State.FIELD_START;
        fieldIndex++;
        fieldChars = 0;
        fieldDropping = false;
    }

    private void endOfRecord(char c) {
        emit(c); // a CRLF's LF follows through the FIELD_START shortcut
        finishRecord();
    }

    private void finishRecord() {
        if (overflowed) {
            overflows.addLast(new Overflow(recordIndex, recordLine, overflowField, overflowFieldChars, recordChars,
                    recordDropping, droppedLineBreaks, droppedChars));
        }
        recordIndex++;
        recordHasChars = false;
        state = State.FIELD_START;
        fieldIndex = 0;
        fieldChars = 0;
        recordChars = 0;
        fieldDropping = false;
        recordDropping = false;
        outQuoted = false;
        overflowed = false;
        overflowField = -1;
        overflowFieldChars = 0;
        droppedLineBreaks = 0;
        droppedChars = 0;
    }

    private void endOfInput() {
        if (broken) {
            return;
        }
        switch (state) {
            case QUOTED -> {
                unclosedQuoteLine = quoteLine;
                unclosedQuoteChars = fieldChars;
                if (!outQuoted) {
                    // the opening quote was dropped with the end of a too long record: the parser
                    // would see a record ending normally, so fail as it would have
                    pendingError = new IOException("EOF reached before encapsulated token finished");
                }
                return; // otherwise Commons CSV fails with "EOF reached before encapsulated token finished"
            }
            case QUOTE_IN_QUOTED -> closingQuote();
            default -> {
            }
        }
        if (recordHasChars) {
            finishRecord();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
