package de.nrw.activation.groups;

/** Realistic bodies for the OpenAPI document (fictitious groups and people, of course). */
public final class OpenApiExamples {

    public static final String PHASES = """
            [{"id": "PHASE_1", "name": "Phase I", "startDate": "2011-09-01", "endDate": "2012-08-31",
              "jobcenterIds": ["bochum", "duesseldorf", "hamm", "herne", "kreis-coesfeld", "kreis-dueren",
                               "kreis-paderborn", "kreis-steinfurt", "muelheim", "rhein-kreis-neuss"], "version": 0}]""";

    public static final String ADD_PHASE = """
            {"id": "REGULAR_2014", "name": "Regelbetrieb 2014", "startDate": "2014-01-01", "endDate": "2014-12-31",
             "jobcenterIds": ["herne", "bochum"]}""";

    public static final String SCHEDULE = """
            {"jobcenterId": "herne", "phaseId": "PHASE_1", "name": "Aktivierungsgruppe 3",
             "provider": {"type": "JOBCENTER", "name": "Jobcenter Herne"}, "location": "Jobcenter Herne, Raum 2.14",
             "coaches": ["M. Beispiel"], "startDate": "2012-03-05", "weeks": 6,
             "meetingDays": ["MONDAY", "WEDNESDAY", "THURSDAY"], "dailyStart": "09:00", "dailyEnd": "12:30", "capacity": 15}""";

    public static final String GROUP = """
            {"id": "0b7d3c52-2f6e-4a8e-9d1c-5e2b7a9f4c11", "jobcenterId": "herne", "phaseId": "PHASE_1",
             "name": "Aktivierungsgruppe 3", "provider": {"type": "JOBCENTER", "name": "Jobcenter Herne"},
             "location": "Jobcenter Herne, Raum 2.14", "coaches": ["M. Beispiel"], "startDate": "2012-03-05", "weeks": 6,
             "endDate": "2012-04-15", "meetingDays": ["MONDAY", "WEDNESDAY", "THURSDAY"], "dailyStart": "09:00",
             "dailyEnd": "12:30", "hoursPerWeek": 10.5, "capacity": 15, "status": "SCHEDULED", "version": 0}""";

    public static final String SESSIONS = """
            [{"date": "2012-03-05", "start": "09:00", "end": "12:30", "status": "SCHEDULED"},
             {"date": "2012-03-07", "start": "09:00", "end": "12:30", "status": "CANCELLED"},
             {"date": "2012-03-09", "start": "09:00", "end": "12:30", "status": "SCHEDULED", "movedFrom": "2012-03-08"}]""";

    public static final String MOVE = """
            {"newDate": "2012-03-09", "start": "09:00", "end": "12:30"}""";

    public static final String ENTER = """
            {"participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "entryDate": "2012-03-05"}""";

    public static final String PARTICIPATION = """
            {"id": "c3a1e2f4-9b8d-4c7e-a6f5-1d2e3f4a5b6c", "groupId": "0b7d3c52-2f6e-4a8e-9d1c-5e2b7a9f4c11",
             "participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "jobcenterId": "herne", "entryDate": "2012-03-05",
             "exitCausedByGroupCancellation": false, "status": "ACTIVE",
             "groups": [{"groupId": "0b7d3c52-2f6e-4a8e-9d1c-5e2b7a9f4c11", "from": "2012-03-05"}],
             "gender": "FEMALE", "ageBand": "AGE_25_TO_49", "customerType": "EXISTING",
             "labourMarketDistance": "CLOSE", "vocationalQualification": true, "version": 0}""";

    public static final String EXIT = """
            {"exitDate": "2012-04-13", "reason": "COMPLETED"}""";

    public static final String CHANGE_GROUP = """
            {"name": "Aktivierungsgruppe 3", "location": "Jobcenter Herne, Raum 3.02", "coaches": ["M. Beispiel", "K. Muster"],
             "provider": {"type": "JOBCENTER", "name": "Jobcenter Herne"}, "capacity": 18}""";

    public static final String WITHDRAW = """
            {"reason": "registered in error: wrong group"}""";

    public static final String TRANSFER = """
            {"groupId": "5a8e1f3c-7d2b-4c9e-8f1a-3b6d9e2c4f70", "date": "2012-03-19"}""";

    public static final String TRANSFERRED = """
            {"id": "c3a1e2f4-9b8d-4c7e-a6f5-1d2e3f4a5b6c", "groupId": "5a8e1f3c-7d2b-4c9e-8f1a-3b6d9e2c4f70",
             "participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "jobcenterId": "herne", "entryDate": "2012-03-05",
             "exitCausedByGroupCancellation": false, "status": "ACTIVE",
             "groups": [{"groupId": "0b7d3c52-2f6e-4a8e-9d1c-5e2b7a9f4c11", "from": "2012-03-05", "to": "2012-03-18"},
                        {"groupId": "5a8e1f3c-7d2b-4c9e-8f1a-3b6d9e2c4f70", "from": "2012-03-19"}],
             "gender": "FEMALE", "ageBand": "AGE_25_TO_49", "customerType": "EXISTING",
             "labourMarketDistance": "CLOSE", "vocationalQualification": true, "version": 1}""";

    public static final String ATTENDANCE = """
            [{"participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "status": "PRESENT"},
             {"participantId": "5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "status": "UNEXCUSED"}]""";

    public static final String RULE_PROBLEM = """
            {"type": "https://activation.nrw.example/problems/weekly-hours", "title": "Business rule violated",
             "status": 422, "detail": "A group meets 9 to 16 hours a week; this timetable gives 7.5", "rule": "weekly-hours"}""";

    public static final String EXIT_PROPOSAL = """
            {"id": "e4b2c1d0-8a7f-4e6d-9c5b-3a2f1e0d9c8b", "participationId": "c3a1e2f4-9b8d-4c7e-a6f5-1d2e3f4a5b6c",
             "participantId": "7f1c2a9e-4b7d-4d0e-9a51-2f1f0c3b8e11", "groupId": "0b7d3c52-2f6e-4a8e-9d1c-5e2b7a9f4c11",
             "jobcenterId": "herne", "providerId": "bildungswerk-ruhr", "exitDate": "2012-04-13", "reason": "COMPLETED",
             "status": "PENDING", "proposedAt": "2012-04-13T14:05:00Z", "version": 0}""";

    public static final String REJECT_EXIT_PROPOSAL = """
            {"reason": "still attending: the absence was excused"}""";

    private OpenApiExamples() { }
}
