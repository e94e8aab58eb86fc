package de.nrw.activation.reporting.report;

/** Realistic answers for the OpenAPI document (Phase I figures of the programme's evaluation). */
final class OpenApiExamples {

    static final String WHEREABOUTS = """
            {"phaseId": "PHASE_1", "groupBy": "jobcenter", "from": null, "to": null, "jobcenterId": null,
             "perturbed": true,
             "rows": [{"key": "herne", "n": 209, "integrations": 69, "minijobs": 31, "unemployed": 80, "other": 17,
               "dropouts": 12, "open": 0, "fastIntegrations": 38, "closeToLabourMarket": 140, "qualified": 100,
               "integrationQuota": 0.3301435406698565, "integrationQuotaPercent": 33,
               "minijobQuota": 0.1483253588516746, "minijobQuotaPercent": 15,
               "unemployedQuota": 0.3827751196172249, "unemployedQuotaPercent": 38,
               "otherQuota": 0.08133971291866029, "otherQuotaPercent": 8,
               "dropoutQuota": 0.05741626794258373, "dropoutQuotaPercent": 6, "openQuota": 0, "openQuotaPercent": 0,
               "fastIntegrationQuota": 0.1818181818181818, "fastIntegrationQuotaPercent": 18,
               "closeShare": 0.6698564593301435, "closeSharePercent": 67,
               "qualifiedShare": 0.4784688995215311, "qualifiedSharePercent": 48,
               "integrationKinds": {"employment": 60, "apprenticeship": 6, "selfEmployment": 3, "temporaryAgency": 21,
                 "fixedTerm": 30, "employmentShare": 0.8695652173913043, "apprenticeshipShare": 0.08695652173913043,
                 "selfEmploymentShare": 0.04347826086956522, "temporaryAgencyShare": 0.3043478260869565,
                 "fixedTermShare": 0.4347826086956522},
               "provisional": 0,
               "exitsByReason": {"completed": 150, "integrated": 30, "dropout": 21, "other": 8, "groupCancelled": 0},
               "dropoutRate": 0.1004784688995215, "dropoutRatePercent": 10}],
             "total": {"key": "total", "n": 209, "...": "as in a row"}}""";

    static final String SUSTAINABILITY = """
            {"phaseId": "PHASE_1", "groupBy": "jobcenter", "jobcenterId": null, "perturbed": true,
             "rows": [{"key": "herne", "n": 209, "integrated": 69, "checkedAtMonth6": 60, "stillIntegrated": 49,
               "sustainability": 0.8166666666666667, "sustainabilityPercent": 82, "ended": 209,
               "endedCheckedAtMonth6": 180, "placed": 52, "notUnemployed": 95,
               "placementRate": 0.2888888888888889, "placementRatePercent": 29,
               "notUnemployedRate": 0.5277777777777778, "notUnemployedRatePercent": 53,
               "checkedAtMonth12": 55, "stillIntegratedAtMonth12": 44,
               "sustainability12": 0.8, "sustainability12Percent": 80, "provisional": 0,
               "exitsByReason": {"completed": 150, "integrated": 30, "dropout": 21, "other": 8, "groupCancelled": 0},
               "dropoutRate": 0.1004784688995215, "dropoutRatePercent": 10}],
             "total": {"key": "total", "...": "as in a row"}}""";

    static final String STRUCTURE = """
            {"phaseId": "PHASE_1", "groupBy": "jobcenter", "jobcenterId": null, "perturbed": true,
             "rows": [{"key": "herne", "n": 209, "closeShare": 0.6985645933014354, "closeSharePercent": 70,
               "qualifiedShare": 0.5263157894736842, "qualifiedSharePercent": 53,
               "integrationQuota": 0.3301435406698565, "integrationQuotaPercent": 33}],
             "total": {"key": "total", "...": "as in a row"}}""";

    static final String CSV = """
            key,n,integrations,minijobs,unemployed,other,dropouts,open,fastIntegrations,...
            bochum,65,38,4,15,5,3,0,12,...
            kreis-coesfeld,17,6,4,3,...
            total,82,44,8,...
            """;

    private OpenApiExamples() { }
}
