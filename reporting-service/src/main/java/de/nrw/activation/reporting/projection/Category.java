package de.nrw.activation.reporting.projection;

/**
 * The one category each counted participation falls in (domain.md, "Indicators"); the five
 * quotas and the open share add up to N. Stored by name in {@code participation.category}.
 */
public enum Category {
    INTEGRATION, MINIJOB, UNEMPLOYED, OTHER, DROPOUT, OPEN
}
