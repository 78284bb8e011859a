package org.commonground.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.account.Account;
import org.commonground.account.Accounts;
import org.commonground.account.Role;
import org.commonground.problem.CommonGroundException.FieldError;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.problem.NotFound;
import org.commonground.web.Language;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Conversations, their texts, cohort dimensions and members. Every command validates its whole
 * input first and then writes in one transaction, so a refused command leaves nothing behind.
 */
final class ConversationStore implements ConversationCatalog {
    private final Jdbi jdbi;
    private final Accounts accounts;
    private final CohortUse cohortUse;

    /** @param cohortUse whether a conversation has participants (the participation feature answers) */
    public ConversationStore(Jdbi jdbi, CohortUse cohortUse) {
        this.jdbi = jdbi;
        this.accounts = Accounts.over(jdbi);
        this.cohortUse = cohortUse;
    }

    record Row(
            long id,
            Long ownerId,
            String state,
            String moderationMode,
            boolean participantsCanWrite,
            String resultsVisibility,
            Instant createdAt,
            Instant updatedAt) {}

    record TextRow(long conversationId, String lang, String title, String description, String background) {}

    record DimensionRow(long id, String name, boolean required, String value) {}

    record MemberRow(long accountId, String role, String[] languages) {}

    /** The store's statements on one handle (so commands run them in their own transaction). */
    private record ConversationSql(Handle h) {
        private static final String COLUMNS =
                "id, owner_id, state, moderation_mode, participants_can_write, results_visibility, created_at, updated_at";

        long insert(long owner, String moderation, boolean write, String visibility) {
            return h.createUpdate("""
                    INSERT INTO conversation (owner_id, moderation_mode, participants_can_write, results_visibility)
                    VALUES (:owner, :moderation, :write, :visibility)""")
                    .bind("owner", owner)
                    .bind("moderation", moderation)
                    .bind("write", write)
                    .bind("visibility", visibility)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
        }

        void insertText(long id, String lang, String title, String description, String background) {
            h.createUpdate("""
                    INSERT INTO conversation_text (conversation_id, lang, title, description, background)
                    VALUES (:id, :lang, :title, :description, :background)""")
                    .bind("id", id)
                    .bind("lang", lang)
                    .bind("title", title)
                    .bind("description", description)
                    .bind("background", background)
                    .execute();
        }

        void deleteTexts(long id) {
            h.createUpdate("DELETE FROM conversation_text WHERE conversation_id = :id")
                    .bind("id", id)
                    .execute();
        }

        long insertDimension(long id, String name, int position, boolean fixedByInvite) {
            return h.createUpdate("""
                    INSERT INTO cohort_dimension (conversation_id, name, position, required)
                    VALUES (:id, :name, :position, :fixedByInvite)""")
                    .bind("id", id)
                    .bind("name", name)
                    .bind("position", position)
                    .bind("fixedByInvite", fixedByInvite)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
        }

        void insertValue(long dimension, String value, int position) {
            h.createUpdate(
                            "INSERT INTO cohort_value (dimension_id, value, position) VALUES (:dimension, :value, :position)")
                    .bind("dimension", dimension)
                    .bind("value", value)
                    .bind("position", position)
                    .execute();
        }

        void deleteDimensions(long id) {
            h.createUpdate("DELETE FROM cohort_dimension WHERE conversation_id = :id")
                    .bind("id", id)
                    .execute();
        }

        Optional<Row> find(long id) {
            return h.createQuery("SELECT " + COLUMNS + " FROM conversation WHERE id = :id")
                    .bind("id", id)
                    .map(ConstructorMapper.of(Row.class))
                    .findOne();
        }

        Optional<Row> lock(long id) {
            return h.createQuery("SELECT " + COLUMNS + " FROM conversation WHERE id = :id FOR UPDATE")
                    .bind("id", id)
                    .map(ConstructorMapper.of(Row.class))
                    .findOne();
        }

        List<TextRow> texts(List<Long> ids) {
            return h.createQuery("""
                    SELECT conversation_id, lang, title, description, background FROM conversation_text
                    WHERE conversation_id IN (<ids>)""")
                    .bindList("ids", ids)
                    .map(ConstructorMapper.of(TextRow.class))
                    .list();
        }

        List<DimensionRow> dimensions(long id) {
            return h.createQuery("""
                    SELECT d.id, d.name, d.required, v.value FROM cohort_dimension d
                    JOIN cohort_value v ON v.dimension_id = d.id
                    WHERE d.conversation_id = :id ORDER BY d.position, v.position""")
                    .bind("id", id)
                    .map(ConstructorMapper.of(DimensionRow.class))
                    .list();
        }

        /** Open and closed conversations are public; drafts and archived ones only for their staff and admins. */
        List<Row> visible(long account, boolean admin, long before, int limit) {
            return h.createQuery("""
                    SELECT c.id, c.owner_id, c.state, c.moderation_mode, c.participants_can_write, c.results_visibility,
                           c.created_at, c.updated_at
                    FROM conversation c
                    WHERE (c.state IN ('open', 'closed')
                           OR :admin
                           OR c.owner_id = :account
                           OR EXISTS (SELECT 1 FROM conversation_member m WHERE m.conversation_id = c.id AND m.account_id = :account))
                      AND c.id < :before
                    ORDER BY c.id DESC LIMIT :limit""")
                    .bind("account", account)
                    .bind("admin", admin)
                    .bind("before", before)
                    .bind("limit", limit)
                    .map(ConstructorMapper.of(Row.class))
                    .list();
        }

        void updateSettings(long id, String moderation, boolean write, String visibility) {
            h.createUpdate("""
                    UPDATE conversation SET moderation_mode = :moderation, participants_can_write = :write,
                           results_visibility = :visibility, updated_at = now()
                    WHERE id = :id""")
                    .bind("id", id)
                    .bind("moderation", moderation)
                    .bind("write", write)
                    .bind("visibility", visibility)
                    .execute();
        }

        void updateState(long id, String state) {
            h.createUpdate("UPDATE conversation SET state = :state, updated_at = now() WHERE id = :id")
                    .bind("id", id)
                    .bind("state", state)
                    .execute();
        }

        boolean hasInvites(long id) {
            return h.createQuery("SELECT EXISTS (SELECT 1 FROM invite WHERE conversation_id = :id)")
                    .bind("id", id)
                    .mapTo(Boolean.class)
                    .one();
        }

        /** In no order: {@link #toMembers} sorts them by role and e-mail. */
        List<MemberRow> members(long id) {
            return h.createQuery("""
                    SELECT account_id, role, languages FROM conversation_member WHERE conversation_id = :id""")
                    .bind("id", id)
                    .map(ConstructorMapper.of(MemberRow.class))
                    .list();
        }

        Optional<String[]> translatorLanguages(long id, long account) {
            return h.createQuery("""
                    SELECT languages FROM conversation_member
                    WHERE conversation_id = :id AND account_id = :account AND role = 'translator'""")
                    .bind("id", id)
                    .bind("account", account)
                    .mapTo(String[].class)
                    .findOne();
        }

        /** Adding a member again changes nothing but the languages, and those only when {@code given}. */
        void addMember(long id, long account, String role, String[] languages, boolean given) {
            h.createUpdate("""
                    INSERT INTO conversation_member (conversation_id, account_id, role, languages)
                    VALUES (:id, :account, :role, :languages)
                    ON CONFLICT (conversation_id, account_id, role) DO UPDATE
                        SET languages = CASE WHEN :given THEN EXCLUDED.languages ELSE conversation_member.languages END""")
                    .bind("id", id)
                    .bind("account", account)
                    .bind("role", role)
                    .bind("languages", languages)
                    .bind("given", given)
                    .execute();
        }

        int removeMember(long id, long account, String role) {
            return h.createUpdate(
                            "DELETE FROM conversation_member WHERE conversation_id = :id AND account_id = :account AND role = :role")
                    .bind("id", id)
                    .bind("account", account)
                    .bind("role", role)
                    .execute();
        }
    }

    @Override
    public Conversation create(long ownerId, NewConversation in) {
        List<FieldError> errors = new ArrayList<>();
        Map<Language, Conversation.Text> texts = ConversationInput.texts(in.texts(), errors);
        List<ConversationInput.Cohort> cohorts = ConversationInput.cohorts(in.cohorts(), errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        ModerationMode moderation = in.moderationMode() == null ? ModerationMode.POST : in.moderationMode();
        ResultsVisibility visibility =
                in.resultsVisibility() == null ? ResultsVisibility.PUBLIC : in.resultsVisibility();
        boolean write = in.participantsCanWrite() == null || in.participantsCanWrite();
        return jdbi.inTransaction(h -> {
            ConversationSql sql = new ConversationSql(h);
            long id = sql.insert(ownerId, moderation.code(), write, visibility.code());
            insertTexts(sql, id, texts);
            insertCohorts(sql, id, cohorts);
            return load(h, id).orElseThrow();
        });
    }

    @Override
    public Optional<Conversation> find(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    @Override
    public Conversation get(long id) {
        return find(id).orElseThrow(() -> NotFound.of("conversation", id));
    }

    @Override
    public List<Conversation> visibleTo(Optional<Account> caller, long before, int limit) {
        long account = caller.map(Account::id).orElse(0L);
        boolean admin = caller.map(a -> a.role() == Role.ADMIN).orElse(false);
        return jdbi.withHandle(h -> {
            ConversationSql sql = new ConversationSql(h);
            List<Row> rows = sql.visible(account, admin, before, limit);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, Map<Language, Conversation.Text>> texts = new LinkedHashMap<>();
            for (TextRow t : sql.texts(rows.stream().map(Row::id).toList())) {
                texts.computeIfAbsent(t.conversationId(), k -> new EnumMap<>(Language.class))
                        .put(
                                Language.parse(t.lang()).orElseThrow(),
                                new Conversation.Text(t.title(), t.description(), t.background()));
            }
            // Lists show titles only, so the cohorts are left out rather than loaded per row.
            return rows.stream()
                    .map(r -> toConversation(r, texts.getOrDefault(r.id(), Map.of()), List.of()))
                    .toList();
        });
    }

    @Override
    public Conversation update(long id, ConversationChanges in) {
        List<FieldError> errors = new ArrayList<>();
        Map<Language, Conversation.Text> texts =
                in.texts() == null ? null : ConversationInput.texts(in.texts(), errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return jdbi.inTransaction(h -> {
            ConversationSql sql = new ConversationSql(h);
            Row row = lockedForChange(sql, id);
            sql.updateSettings(
                    id,
                    in.moderationMode() == null
                            ? row.moderationMode()
                            : in.moderationMode().code(),
                    in.participantsCanWrite() == null ? row.participantsCanWrite() : in.participantsCanWrite(),
                    in.resultsVisibility() == null
                            ? row.resultsVisibility()
                            : in.resultsVisibility().code());
            if (texts != null) {
                sql.deleteTexts(id);
                insertTexts(sql, id, texts);
            }
            return load(h, id).orElseThrow();
        });
    }

    @Override
    public Conversation transition(long id, ConversationState to) {
        if (to == null) {
            throw Invalid.field("state", "problem.enum-value", "draft, open, closed, archived");
        }
        return jdbi.inTransaction(h -> {
            ConversationSql sql = new ConversationSql(h);
            Row row = locked(sql, id);
            ConversationState from = ConversationState.fromCode(row.state());
            if (!from.next().contains(to)) {
                throw new Conflict("illegal-transition", "conversation.transition.illegal", from.code(), to.code());
            }
            sql.updateState(id, to.code());
            return load(h, id).orElseThrow();
        });
    }

    @Override
    public Conversation replaceCohorts(long id, List<CohortSpec> specs) {
        List<FieldError> errors = new ArrayList<>();
        List<ConversationInput.Cohort> cohorts = ConversationInput.cohorts(specs == null ? List.of() : specs, errors);
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return jdbi.inTransaction(h -> {
            ConversationSql sql = new ConversationSql(h);
            Row row = locked(sql, id);
            if (!ConversationState.DRAFT.code().equals(row.state()) || sql.hasInvites(id) || cohortUse.inUse(h, id)) {
                throw new Conflict("cohorts-locked", "conversation.cohorts.locked");
            }
            sql.deleteDimensions(id);
            insertCohorts(sql, id, cohorts);
            sql.updateState(id, row.state());
            return load(h, id).orElseThrow();
        });
    }

    @Override
    public List<Member> members(long id) {
        return toMembers(jdbi.withHandle(h -> new ConversationSql(h).members(id)));
    }

    /**
     * The staff by role code, then e-mail: the e-mails come from the account feature already in
     * e-mail order (its database's collation, as the join once sorted them), and the stable sort by
     * role code (lower-case ASCII words, the same in any collation) keeps that order within a role.
     */
    private List<Member> toMembers(List<MemberRow> rows) {
        Map<Long, List<MemberRow>> byAccount = new LinkedHashMap<>();
        rows.forEach(m ->
                byAccount.computeIfAbsent(m.accountId(), k -> new ArrayList<>()).add(m));
        List<Member> members = new ArrayList<>();
        accounts.emails(byAccount.keySet()).forEach((accountId, email) -> {
            for (MemberRow m : byAccount.get(accountId)) {
                MemberRole role = MemberRole.parse(m.role()).orElseThrow();
                List<Language> languages = role == MemberRole.TRANSLATOR
                        ? TranslatorLanguages.fromStored(m.languages()).languages()
                        : List.of();
                members.add(new Member(m.accountId(), email, role, languages));
            }
        });
        members.sort(java.util.Comparator.comparing(m -> m.role().code()));
        return List.copyOf(members);
    }

    @Override
    public Optional<TranslatorLanguages> translatorLanguages(long id, long accountId) {
        return jdbi.withHandle(h -> new ConversationSql(h).translatorLanguages(id, accountId))
                .map(TranslatorLanguages::fromStored);
    }

    @Override
    public List<Member> addMember(long id, Long accountId, MemberRole role) {
        return addMember(id, accountId, role, null);
    }

    @Override
    public List<Member> addMember(long id, Long accountId, MemberRole role, TranslatorLanguages languages) {
        List<FieldError> errors = new ArrayList<>();
        if (accountId == null) {
            errors.add(new FieldError("accountId", "member.account.unknown", "null"));
        }
        if (role == null) {
            errors.add(new FieldError("role", "problem.enum-value", "organizer, moderator, translator"));
        } else if (role != MemberRole.TRANSLATOR && languages != null) {
            errors.add(new FieldError("languages", "member.languages.translators-only"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields(errors);
        }
        return jdbi.inTransaction(h -> {
            ConversationSql sql = new ConversationSql(h);
            lockedForChange(sql, id);
            String accountRole = accounts.find(accountId)
                    .filter(a -> !a.disabled())
                    .map(a -> a.role().code())
                    .orElseThrow(() -> Invalid.field("accountId", "member.account.unknown", accountId));
            if (role == MemberRole.ORGANIZER && !accountRole.equals("organizer") && !accountRole.equals("admin")) {
                throw Invalid.field("role", "member.organizer.account-role");
            }
            sql.addMember(
                    id,
                    accountId,
                    role.code(),
                    (languages == null ? TranslatorLanguages.ALL : languages).codes(),
                    languages != null);
            return toMembers(sql.members(id));
        });
    }

    @Override
    public void removeMember(long id, long accountId, String roleCode) {
        MemberRole role = MemberRole.parse(roleCode).orElseThrow(() -> NotFound.of("member", accountId));
        if (!removeMember(id, accountId, role)) {
            throw NotFound.of("member", accountId);
        }
    }

    @Override
    public boolean removeMember(long id, long accountId, MemberRole role) {
        return jdbi.withHandle(h -> new ConversationSql(h).removeMember(id, accountId, role.code())) == 1;
    }

    /** The conversation's row, locked for this transaction; 404 if there is none. */
    private static Row locked(ConversationSql sql, long id) {
        return sql.lock(id).orElseThrow(() -> NotFound.of("conversation", id));
    }

    /** {@link #locked}, and refused (410) once the conversation is archived: it no longer changes. */
    private static Row lockedForChange(ConversationSql sql, long id) {
        Row row = locked(sql, id);
        ConversationState.fromCode(row.state()).requireNotArchived(row.id());
        return row;
    }

    private static void insertTexts(ConversationSql sql, long id, Map<Language, Conversation.Text> texts) {
        texts.forEach((lang, t) -> sql.insertText(id, lang.code(), t.title(), t.description(), t.background()));
    }

    private static void insertCohorts(ConversationSql sql, long id, List<ConversationInput.Cohort> cohorts) {
        for (int i = 0; i < cohorts.size(); i++) {
            ConversationInput.Cohort c = cohorts.get(i);
            long dimension = sql.insertDimension(id, c.name(), i, c.fixedByInvite());
            for (int j = 0; j < c.values().size(); j++) {
                sql.insertValue(dimension, c.values().get(j), j);
            }
        }
    }

    static Optional<Conversation> load(Handle h, long id) {
        ConversationSql sql = new ConversationSql(h);
        return sql.find(id).map(row -> {
            Map<Language, Conversation.Text> texts = new EnumMap<>(Language.class);
            for (TextRow t : sql.texts(List.of(id))) {
                texts.put(
                        Language.parse(t.lang()).orElseThrow(),
                        new Conversation.Text(t.title(), t.description(), t.background()));
            }
            Map<Long, Conversation.CohortDimension> dims = new LinkedHashMap<>();
            for (DimensionRow d : sql.dimensions(id)) {
                dims.computeIfAbsent(
                                d.id(),
                                k -> new Conversation.CohortDimension(
                                        d.id(), d.name(), new ArrayList<>(), d.required()))
                        .values()
                        .add(d.value());
            }
            List<Conversation.CohortDimension> cohorts = dims.values().stream()
                    .map(d -> new Conversation.CohortDimension(
                            d.id(), d.name(), List.copyOf(d.values()), d.fixedByInvite()))
                    .toList();
            return toConversation(row, texts, cohorts);
        });
    }

    private static Conversation toConversation(
            Row row, Map<Language, Conversation.Text> texts, List<Conversation.CohortDimension> cohorts) {
        return new Conversation(
                row.id(),
                row.ownerId(),
                ConversationState.fromCode(row.state()),
                ModerationMode.fromCode(row.moderationMode()),
                row.participantsCanWrite(),
                ResultsVisibility.fromCode(row.resultsVisibility()),
                Map.copyOf(texts),
                cohorts,
                row.createdAt(),
                row.updatedAt());
    }

    @Override
    public ConversationRules rules(long id) {
        return jdbi.withHandle(h -> ConversationRules.load(h, id));
    }

    /** Whether the conversation exists (in any state). */
    boolean exists(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM conversation WHERE id = :c)")
                .bind("c", id)
                .mapTo(Boolean.class)
                .one());
    }

    /** Whether the account owns the conversation or is its member in one of {@code memberRoles}. */
    boolean isOwnerOrMember(long id, long accountId, java.util.Set<String> memberRoles) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM conversation c WHERE c.id = :c AND c.owner_id = :a)
                    OR EXISTS (SELECT 1 FROM conversation_member m
                               WHERE m.conversation_id = :c AND m.account_id = :a AND m.role IN (<roles>))""")
                .bind("c", id)
                .bind("a", accountId)
                .bindList("roles", memberRoles.stream().toList())
                .mapTo(Boolean.class)
                .one());
    }

    static void adopt(Handle h, long id, long ownerId, Map<MemberRole, Long> staff) {
        h.createUpdate("UPDATE conversation SET owner_id = :owner, moderation_mode = 'post' WHERE id = :c")
                .bind("owner", ownerId)
                .bind("c", id)
                .execute();
        ConversationSql sql = new ConversationSql(h);
        staff.forEach(
                (role, account) -> sql.addMember(id, account, role.code(), TranslatorLanguages.ALL.codes(), false));
    }

    static Optional<Long> oldestId(Handle h) {
        return h.createQuery("SELECT id FROM conversation ORDER BY id LIMIT 1")
                .mapTo(Long.class)
                .findOne();
    }
}
