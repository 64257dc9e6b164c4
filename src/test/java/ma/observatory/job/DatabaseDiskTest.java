package ma.observatory.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DatabaseDiskTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aRunStartsWithTheSpaceAskedForAndGoesOnDownToAQuarterOfIt() {
        AtomicLong free = new AtomicLong(200 * MB);
        DatabaseDisk disk = new DatabaseDisk(Path.of("/srv/observatory/var"), 200, free::get);

        assertThat(disk.roomToStart()).isNull();
        free.set(199 * MB);
        assertThat(disk.roomToStart()).isEqualTo("Only 199 MB are free on the disk holding the database"
                + " (/srv/observatory/var); a run needs 200 MB (observatory.db-min-free-mb). Nothing was started:"
                + " free some space, or move the database with --db, and run again.");

        free.set(50 * MB);
        assertThatCode(disk::ensureRoomToGoOn).doesNotThrowAnyException();
        free.set(49 * MB);
        assertThatThrownBy(disk::ensureRoomToGoOn).isInstanceOf(DatabaseDisk.DiskNearlyFullException.class)
                .hasMessage("only 49 MB were left on the disk holding the database (/srv/observatory/var), and the"
                        + " run stopped before the disk filled up, which would lose its history; free some space");
        // filled by something else since the last commit: not "before the disk filled up"
        free.set(MB / 2);
        assertThatThrownBy(disk::ensureRoomToGoOn).hasMessage("no room was left on the disk holding the database"
                + " (/srv/observatory/var), and the run stopped rather than write to it, which would lose its history;"
                + " free some space");
    }

    @Test
    void noLimitWhenTheOperatorSetsNone() {
        DatabaseDisk disk = new DatabaseDisk(Path.of("/srv/observatory/var"), 0, () -> 0L);
        assertThat(disk.roomToStart()).isNull();
        assertThatCode(disk::ensureRoomToGoOn).doesNotThrowAnyException();
    }
}
