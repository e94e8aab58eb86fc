package de.nrw.activation.outcomes;

/** Realistic bodies for the OpenAPI document (fictitious people and firms, of course). */
public final class OpenApiExamples {

    public static final String RECORD_OUTCOME = """
            {"participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "kind": "EMPLOYMENT", "startDate": "2012-04-02",
             "temporaryAgency": false, "fixedTerm": true, "employer": "Musterbau GmbH, Herne"}""";

    public static final String CORRECT_OUTCOME = """
            {"kind": "EMPLOYMENT", "startDate": "2012-04-16", "temporaryAgency": false, "fixedTerm": false,
             "employer": "Musterbau GmbH, Herne"}""";

    public static final String OUTCOME = """
            {"id": "0b9e5f3c-2d41-4c8a-9f7e-6a1d2b3c4d5e", "participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11",
             "jobcenterId": "herne", "kind": "EMPLOYMENT", "integration": true, "startDate": "2012-04-02",
             "temporaryAgency": false, "fixedTerm": true, "employer": "Musterbau GmbH, Herne",
             "recordedAt": "2012-04-03T09:12:00Z", "changedAt": "2012-04-03T09:12:00Z", "version": 0}""";

    public static final String RECORD_FOLLOW_UP = """
            {"checkpoint": "MONTH_3", "status": "EMPLOYMENT", "checkedOn": "2012-06-18"}""";

    public static final String CORRECT_FOLLOW_UP = """
            {"status": "APPRENTICESHIP", "checkedOn": "2012-06-18"}""";

    public static final String FOLLOW_UP = """
            {"id": "5c7d8e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "participationId": "3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d",
             "participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "checkpoint": "MONTH_3", "dueDate": "2012-06-15",
             "status": "EMPLOYMENT", "checkedOn": "2012-06-18", "recordedAt": "2012-06-18T10:00:00Z",
             "version": 1}""";

    public static final String DUE = """
            [{"participationId": "3a4b5c6d-7e8f-4a1b-9c2d-3e4f5a6b7c8d", "participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11",
              "checkpoint": "MONTH_3", "dueDate": "2012-04-30", "overdue": true},
             {"participationId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "participantId": "1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6",
              "checkpoint": "EXIT", "dueDate": "2012-05-04", "overdue": false}]""";

    public static final String RULE_PROBLEM = """
            {"type": "https://activation.nrw.example/problems/flags-only-on-employment", "title": "Business rule violated",
             "status": 422, "detail": "temporaryAgency and fixedTerm describe an EMPLOYMENT only, not MINIJOB",
             "rule": "flags-only-on-employment"}""";

    private OpenApiExamples() { }
}
