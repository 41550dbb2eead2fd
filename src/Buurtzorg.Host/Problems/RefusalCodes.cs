namespace Buurtzorg.Host.Problems;

/// <summary>
/// The stable name of each kind of refusal, sent as the ProblemDetails extension <c>code</c> (and
/// at the start of a hub refusal's message). The pages choose their Dutch or English text by
/// it, never by the English title, so a title may be reworded without breaking a page; a code,
/// once shipped, is not renamed. Every code needs a text in wwwroot/js/i18n.js ("problem.{code}").
/// </summary>
public static class RefusalCodes
{
    // Input
    public const string Validation = "validation";
    public const string BadRequest = "bad-request";
    public const string JsonRequired = "json-required";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string IdempotencyKeyInvalid = "idempotency-key-invalid";
    public const string IdempotencyKeyReused = "idempotency-key-reused";

    // Who may do what
    public const string NotSignedIn = "not-signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string AccountLocked = "account-locked";
    public const string TooManyAttempts = "too-many-attempts";
    public const string TooManyRequests = "too-many-requests";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string NurseOnly = "nurse-only";
    public const string OwnRoundOnly = "own-round-only";
    public const string OriginRefused = "origin-refused";

    // The state a change met
    public const string Conflict = "conflict";
    public const string RuleViolated = "rule-violated";
    public const string StaleVersion = "stale-version";
    public const string ScheduleMoved = "schedule-moved";
    public const string AlreadyExists = "already-exists";
    public const string VisitTaken = "visit-taken";
    public const string VisitNotYours = "visit-not-yours";
    public const string VisitAlreadyAssigned = "visit-already-assigned";
    public const string VisitClosed = "visit-closed";
    public const string VisitNotYetDue = "visit-not-yet-due";
    public const string RoundMismatch = "round-mismatch";
    public const string NurseNotInTeam = "nurse-not-in-team";
    public const string MissingQualification = "missing-qualification";
    public const string NurseUnavailable = "nurse-unavailable";
    public const string AlreadyInNetwork = "already-in-network";
    public const string NetworkFull = "network-full";
    public const string AlreadyInTeam = "already-in-team";
    public const string TeamDivided = "team-divided";
    public const string JoinByAsking = "join-by-asking";
    public const string LeaveYourself = "leave-yourself";
    public const string IdentifiesPerson = "identifies-person";
    public const string NotTheAsker = "not-the-asker";
    public const string TooManyOpenPlaces = "too-many-open-places";
    public const string TeamWithoutNeighbourhood = "team-without-neighbourhood";

    // Passing trouble: the same request may be sent again
    public const string StorageUnavailable = "storage-unavailable";
    public const string HostPassing = "host-passing";
    public const string WatchUnavailable = "watch-unavailable";
    public const string Unavailable = "unavailable";
    public const string ServerError = "server-error";

    /// <summary>For an answer that names no code itself (a status page, a framework refusal).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => NotSignedIn,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status415UnsupportedMediaType => JsonRequired,
        StatusCodes.Status422UnprocessableEntity => RuleViolated,
        StatusCodes.Status423Locked => AccountLocked,
        StatusCodes.Status429TooManyRequests => TooManyAttempts,
        >= 500 and not StatusCodes.Status500InternalServerError => Unavailable,
        >= 500 => ServerError,
        _ => BadRequest,
    };
}

/// <summary>
/// What a field rule found wanting, beside its English message in <c>errors</c>: the extension
/// <c>fieldCodes</c> names one code per message, so a page can say it in its own words.
/// </summary>
public static class FieldCodes
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string SingleLine = "single-line";
    public const string InvalidCharacters = "invalid-characters";
    public const string OutOfRange = "out-of-range";
    public const string NotAnOption = "not-an-option";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Postcode = "postcode";
    public const string Location = "location";
    public const string WrongCode = "wrong-code";
    public const string WrongPassword = "wrong-password";
    public const string BadForm = "bad-form";
    public const string EndBeforeStart = "end-before-start";
    public const string Overlaps = "overlaps";
    public const string Invalid = "invalid";

    // What would identify a person in text posted to the network of nurses.
    public const string IdentifiesClientName = "identifies-client-name";
    public const string IdentifiesAddress = "identifies-address";
    public const string IdentifiesPostcode = "identifies-postcode";
    public const string IdentifiesDateOfBirth = "identifies-date-of-birth";
    public const string IdentifiesBsn = "identifies-bsn";
    public const string IdentifiesPhone = "identifies-phone";
}
