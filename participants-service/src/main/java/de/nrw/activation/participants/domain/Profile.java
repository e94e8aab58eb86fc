package de.nrw.activation.participants.domain;

import de.nrw.activation.contract.CustomerType;
import de.nrw.activation.contract.Gender;
import de.nrw.activation.contract.LabourMarketDistance;
import java.time.LocalDate;

/** The changeable part of a participant: names, birth date and the profiling attributes. */
public record Profile(String firstName, String lastName, LocalDate dateOfBirth, Gender gender,
                      CustomerType customerType, LabourMarketDistance labourMarketDistance,
                      boolean vocationalQualification) {
}
