package de.nrw.activation.participants.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** {@code participants.retention.*}: when personal data is no longer needed (§ 84 SGB X). */
@ConfigMapping(prefix = "participants.retention")
public interface RetentionConfig {

    /** Time after the end of a participant's last participation (ISO period; a Jobcenter may set P10Y). */
    @WithDefault("P5Y")
    Period afterLastParticipation();

    /** Time after registration for a participant who never entered a group (withdrawn entries do not count). */
    @WithDefault("P1Y")
    Period afterRegistrationWithoutParticipation();

    /** When the job runs (Quartz cron, German time); {@code off} never. Read by {@link Retention}'s {@code @Scheduled}. */
    @WithDefault("0 30 2 * * ?")
    String cron();
}
