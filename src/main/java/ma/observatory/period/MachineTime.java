package ma.observatory.period;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Spring Batch records its times on the machine's clock, without a zone, and a server's clock is
 * often UTC; what a reader is shown is in {@code --zone}, the zone of the nightly window.
 */
public final class MachineTime {

    private MachineTime() {
    }

    /** A time recorded on this machine's clock, as it reads in {@code zone}. */
    public static ZonedDateTime inZone(LocalDateTime machineTime, ZoneId zone) {
        return machineTime.atZone(ZoneId.systemDefault()).withZoneSameInstant(zone);
    }
}
