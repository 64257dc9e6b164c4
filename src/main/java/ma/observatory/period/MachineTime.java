package ma.observatory.period;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Spring Batch records its times on the machine's clock, without a zone, and a server's clock is
 * often UTC; what a reader is shown is in {@code --zone}, the zone of the nightly window.
 */
public final class MachineTime {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MachineTime() {
    }

    /**
     * A time of this machine's clock named with this process's zone, "2026-11-26 02:00:01 (Etc/UTC)",
     * where no {@code --zone} is at hand: beside {@code --list-runs}, which gives its times in
     * {@code --zone}, an unnamed clock read as an hour off. Right when every process sharing the
     * database runs in one zone, as the README asks: the times are recorded without one.
     */
    public static String stamp(LocalDateTime machineTime) {
        return STAMP.format(machineTime) + " (" + ZoneId.systemDefault().getId() + ")";
    }

    /** A time recorded on this machine's clock, as it reads in {@code zone}. */
    public static ZonedDateTime inZone(LocalDateTime machineTime, ZoneId zone) {
        return machineTime.atZone(ZoneId.systemDefault()).withZoneSameInstant(zone);
    }
}
