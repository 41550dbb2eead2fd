namespace Buurtzorg.Host.Problems;

/// <summary>A request the caller can correct; turned into a 4xx ProblemDetails response.</summary>
public abstract class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}

public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : ProblemException(StatusCodes.Status400BadRequest, "The request is not valid.", "See 'errors' for the fields to correct.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

public sealed class ResourceNotFoundException(string detail)
    : ProblemException(StatusCodes.Status404NotFound, "Not found.", detail);

/// <summary>A change that breaks a rule of the domain (a qualification the nurse lacks, say); <paramref name="extensions"/> say what it met.</summary>
public sealed class RuleViolationException(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : ProblemException(StatusCodes.Status422UnprocessableEntity, title, detail)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>A change refused because of the state it met; <paramref name="extensions"/> says what that state is.</summary>
public sealed class ResourceConflictException(string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : ProblemException(StatusCodes.Status409Conflict, title, detail)
{
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

public sealed class SignInRequiredException()
    : ProblemException(StatusCodes.Status401Unauthorized, "Sign in first.", "This needs a signed-in account.");

public sealed class SignInFailedException()
    : ProblemException(StatusCodes.Status401Unauthorized, "Sign-in failed.", "The user name, password or code is not right.");

public sealed class AccountLockedException()
    : ProblemException(StatusCodes.Status423Locked, "The account is locked for a while.", "Too many wrong authenticator codes. Try again in fifteen minutes.");

/// <summary>The caller may see this, but the act is not theirs to do (a colleague's round, say).</summary>
public sealed class ForbiddenActException(string title, string detail)
    : ProblemException(StatusCodes.Status403Forbidden, title, detail);
