import cg.client.ApiClient;
import cg.client.ApiException;
import cg.client.api.ParticipationApi;
import cg.client.api.ResultsApi;
import cg.client.model.CastVote;
import cg.client.model.JoinRequest;
import cg.client.model.Joined;
import cg.client.model.Next;
import cg.client.model.ResultsDocument;
import cg.client.model.StatementTally;
import cg.client.model.VoteView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A newcomer's program written against the client OpenAPI Generator made from our document: it
 * joins the demo, votes on statements as the server hands them out, and reads the results. It is
 * compiled with the generated sources by OpenApiClientTest, which checks what it reports.
 */
public final class DemoVoter {
    private DemoVoter() {}

    public static Map<String, Object> run(String baseUrl, long conversationId, int votes) throws ApiException {
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri(baseUrl);
        Joined joined = new ParticipationApi(anonymous).join(conversationId,
                new JoinRequest().cohorts(Map.of("country", "KR", "role", "student")).language("ko"));

        ApiClient participant = new ApiClient();
        participant.updateBaseUri(baseUrl);
        participant.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + joined.getToken()));
        ParticipationApi participation = new ParticipationApi(participant);
        List<Long> voted = new ArrayList<>();
        List<String> values = new ArrayList<>();
        CastVote.ValueEnum[] cycle = CastVote.ValueEnum.values();
        for (int i = 0; i < votes; i++) {
            Next next = participation.getNextStatement(conversationId);
            long statementId = next.getStatement().getId();
            VoteView vote = participation.castVote(conversationId,
                    new CastVote().statementId(statementId).value(cycle[i % cycle.length]));
            voted.add(vote.getStatementId());
            values.add(vote.getValue().getValue());
        }

        ResultsApi results = new ResultsApi(participant);
        ResultsDocument document = results.getResults(conversationId);
        List<StatementTally> tallies = results.getTallies(conversationId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("participant", joined.getParticipant());
        report.put("token", joined.getToken());
        report.put("language", participation.getParticipant(conversationId).getLanguage());
        report.put("voted", voted);
        report.put("values", values);
        report.put("resultsParticipants", document.getParticipants());
        report.put("resultsGroups", document.getGroups().size());
        report.put("tallyStatements", tallies.size());
        report.put("tallyVotes", tallies.stream().mapToLong(StatementTally::getTotal).sum());
        report.put("resultsVotes", document.getVotes());
        return report;
    }
}
