namespace Buurtzorg.Host.Problems;

/// <summary>
/// A request the caller can correct; turned into a 4xx ProblemDetails response whose
/// <see cref="Code"/> (one of <see cref="RefusalCodes"/>) says which refusal it is.
/// </summary>
public abstract class ProblemException(int status, string title, string detail, string code) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Code { get; } = code;
}

public sealed class RequestValidationException(IDictionary<string, string[]> errors, IDictionary<string, string[]>? fieldCodes = null, string code = RefusalCodes.Validation)
    : ProblemException(StatusCodes.Status400BadRequest, "The request is not valid.", "See 'errors' for the fields to correct.", code)
{
    public RequestValidationException(ValidationErrors errors)
        : this(errors.ToDictionary(), errors.Codes())
    {
    }

    public IDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>Per field, a <see cref="FieldCodes"/> code for each message in <see cref="Errors"/>.</summary>
    public IDictionary<string, string[]> FieldCodes { get; } = fieldCodes ?? errors.ToDictionary(e => e.Key, e => e.Value.Select(_ => Problems.FieldCodes.Invalid).ToArray());
}

public sealed class ResourceNotFoundException(string detail)
    : ProblemException(StatusCodes.Status404NotFound, "Not found.", detail, RefusalCodes.NotFound);

/// <summary>A change that breaks a rule of the domain (a qualification the nurse lacks, say); <paramref name="extensions"/> say what it met.</summary>
public sealed class RuleViolationException(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null, string code = RefusalCodes.RuleViolated)
    : ProblemException(StatusCodes.Status422UnprocessableEntity, title, detail, code)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>A change refused because of the state it met; <paramref name="extensions"/> says what that state is.</summary>
public sealed class ResourceConflictException(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null, string code = RefusalCodes.Conflict)
    : ProblemException(StatusCodes.Status409Conflict, title, detail, code)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

public sealed class SignInRequiredException()
    : ProblemException(StatusCodes.Status401Unauthorized, "Sign in first.", "This needs a signed-in account.", RefusalCodes.NotSignedIn);

public sealed class SignInFailedException()
    : ProblemException(StatusCodes.Status401Unauthorized, "Sign-in failed.", "The user name, password or code is not right.", RefusalCodes.SignInFailed);

public sealed class AccountLockedException()
    : ProblemException(StatusCodes.Status423Locked, "The account is locked for a while.", "Too many wrong authenticator codes. Try again in fifteen minutes.", RefusalCodes.AccountLocked);

/// <summary>The caller may see this, but the act is not theirs to do (a colleague's round, say).</summary>
public sealed class ForbiddenActException(string title, string detail, string code = RefusalCodes.Forbidden)
    : ProblemException(StatusCodes.Status403Forbidden, title, detail, code);
