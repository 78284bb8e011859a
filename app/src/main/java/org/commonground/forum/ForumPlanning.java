package org.commonground.forum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.forum.planning.ConsortiumMatcher;
import org.commonground.forum.planning.MatchingOrganization;
import org.commonground.forum.planning.MatchingProject;
import org.commonground.forum.planning.MatchingRules;
import org.commonground.forum.planning.MeetingRequest;
import org.commonground.forum.planning.MeetingScheduler;
import org.commonground.forum.planning.Proposal;
import org.commonground.forum.planning.Schedule;
import org.commonground.forum.planning.ScheduleProblem;
import org.commonground.forum.planning.Seat;

/** Runs the two solvers on a forum's stored data and stores what they decide. */
final class ForumPlanning {
    private final ForumStore forums;
    private final OrganizationStore organizations;
    private final ProjectStore projects;
    private final ProposalStore proposals;
    private final MeetingStore meetings;

    ForumPlanning(
            ForumStore forums,
            OrganizationStore organizations,
            ProjectStore projects,
            ProposalStore proposals,
            MeetingStore meetings) {
        this.forums = forums;
        this.organizations = organizations;
        this.projects = projects;
        this.proposals = proposals;
        this.meetings = meetings;
    }

    /** What a matching run did: open projects, how many got a proposal, the mean coverage (0..1) of their best one. */
    record MatchingRun(int projects, int projectsWithProposal, double meanCoverage, int proposals) {}

    /** What a scheduling run did: accepted meetings, how many are placed, the upper bound, whether they were published. */
    record SchedulingRun(int meetings, int scheduled, int upperBound, boolean published) {}

    MatchingRun match(long forumId) {
        ForumStore.Forum forum = forums.require(forumId);
        List<ForumStore.Capability> taxonomy = forums.capabilities(forumId);
        Map<String, Integer> capabilityIndex = new HashMap<>();
        taxonomy.forEach(c -> capabilityIndex.put(c.code(), capabilityIndex.size()));
        List<String> markets = forums.markets(forumId);
        List<OrganizationStore.Organization> orgs = organizations.list(forumId, false);
        Map<Long, Integer> orgIndex = new HashMap<>();
        Map<Long, Integer> open = proposals.openConsortia(forumId);
        List<MatchingOrganization> matchingOrgs = new ArrayList<>();
        for (OrganizationStore.Organization o : orgs) {
            orgIndex.put(o.id(), matchingOrgs.size());
            long marketMask = 0;
            for (String m : o.markets()) {
                int i = markets.indexOf(m);
                if (i >= 0 && i < 64) {
                    marketMask |= 1L << i;
                }
            }
            matchingOrgs.add(new MatchingOrganization(
                    Seat.of(o.country()),
                    MatchingOrganization.capabilities(o.capabilities().stream()
                            .mapToInt(capabilityIndex::get)
                            .toArray()),
                    marketMask,
                    o.size(),
                    open.getOrDefault(o.id(), 0)));
        }
        Map<Long, List<Long>> interest = projects.interest(forumId);
        Map<Long, List<Long>> exclusions = projects.exclusions(forumId);
        List<ProjectStore.Project> openProjects = projects.list(forumId, null).stream()
                .filter(p -> p.status().equals("open") && !p.needs().isEmpty() && markets.indexOf(p.hostCountry()) < 64)
                .toList();
        List<MatchingProject> matchingProjects = new ArrayList<>();
        for (ProjectStore.Project p : openProjects) {
            matchingProjects.add(new MatchingProject(
                    p.needs().stream()
                            .mapToInt(n -> capabilityIndex.get(n.capability()))
                            .toArray(),
                    p.needs().stream()
                            .mapToDouble(ProjectStore.NeedView::weight)
                            .toArray(),
                    Math.max(0, markets.indexOf(p.hostCountry())),
                    p.size(),
                    indices(interest.getOrDefault(p.id(), List.of()), orgIndex),
                    indices(exclusions.getOrDefault(p.id(), List.of()), orgIndex)));
        }
        List<int[]> conflicts = organizations.conflicts(forumId).stream()
                .filter(c -> orgIndex.containsKey(c[0]) && orgIndex.containsKey(c[1]))
                .map(c -> new int[] {orgIndex.get(c[0]), orgIndex.get(c[1])})
                .toList();
        MatchingRules rules = MatchingRules.defaults()
                .withTwoSeats(forum.allowTwoSeats())
                .withMaxOpenConsortia(forum.maxOpenConsortia());
        List<List<Proposal>> all = ConsortiumMatcher.of(matchingOrgs, matchingProjects, conflicts, rules)
                .proposeAll(2);
        int with = 0;
        int count = 0;
        double coverage = 0;
        for (int i = 0; i < openProjects.size(); i++) {
            ProjectStore.Project p = openProjects.get(i);
            List<ProposalStore.NewProposal> rows = new ArrayList<>();
            for (Proposal proposal : all.get(i)) {
                Long[] seat = new Long[3];
                for (int s = 0; s < 3; s++) {
                    seat[s] = proposal.members()[s] < 0
                            ? null
                            : orgs.get(proposal.members()[s]).id();
                }
                List<ProposalStore.Covered> explanation = new ArrayList<>();
                for (int n = 0; n < p.needs().size(); n++) {
                    List<String> seats = new ArrayList<>();
                    for (int s = 0; s < 3; s++) {
                        if ((proposal.coveredBy()[n] >>> s & 1) != 0) {
                            seats.add(ProposalStore.SEATS.get(s));
                        }
                    }
                    explanation.add(new ProposalStore.Covered(
                            p.needs().get(n).capability(), p.needs().get(n).weight(), seats));
                }
                rows.add(new ProposalStore.NewProposal(
                        seat[0], seat[1], seat[2], proposal.score(), proposal.coverage(), explanation));
            }
            proposals.replace(p.id(), rows);
            count += rows.size();
            if (!rows.isEmpty()) {
                with++;
                coverage += rows.getFirst().coverage();
            }
        }
        return new MatchingRun(openProjects.size(), with, with == 0 ? 0 : coverage / with, count);
    }

    private static int[] indices(List<Long> ids, Map<Long, Integer> index) {
        return ids.stream().filter(index::containsKey).mapToInt(index::get).toArray();
    }

    SchedulingRun schedule(long forumId, boolean publish) {
        ForumStore.Forum forum = forums.require(forumId);
        List<OrganizationStore.Delegate> delegates = organizations.delegates(forumId, false);
        Map<Long, Integer> delegateIndex = new HashMap<>();
        long[] availability = new long[delegates.size()];
        for (OrganizationStore.Delegate d : delegates) {
            availability[delegateIndex.size()] = d.availability();
            delegateIndex.put(d.accountId(), delegateIndex.size());
        }
        List<MeetingStore.Meeting> accepted = meetings.meetings(forumId, null).stream()
                .filter(m -> m.state().equals("accepted")
                        && m.parties().stream().allMatch(p -> delegateIndex.containsKey(p.accountId())))
                .toList();
        List<MeetingRequest> requests = new ArrayList<>();
        for (MeetingStore.Meeting m : accepted) {
            int[] who = m.parties().stream()
                    .mapToInt(p -> delegateIndex.get(p.accountId()))
                    .toArray();
            boolean kept = m.published() && m.slot() != null && m.slot() < forum.slots() && m.table() < forum.tables();
            requests.add(new MeetingRequest(who, m.priority(), kept ? m.slot() : -1, kept ? m.table() : -1));
        }
        ScheduleProblem problem = new ScheduleProblem(forum.slots(), forum.tables(), availability, requests);
        Schedule schedule = MeetingScheduler.schedule(problem);
        Map<Long, int[]> placements = new HashMap<>();
        for (int i = 0; i < accepted.size(); i++) {
            if (schedule.placed(i)) {
                placements.put(accepted.get(i).id(), new int[] {schedule.slot()[i], schedule.table()[i]});
            }
        }
        meetings.saveSchedule(forumId, placements, publish);
        return new SchedulingRun(accepted.size(), schedule.scheduled(), schedule.upperBound(), publish);
    }
}
