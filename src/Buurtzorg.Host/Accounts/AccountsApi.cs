using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Privacy;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// Signing in and out: a password, then a code from an authenticator app (required for nurses
/// and central staff). An authenticator is set up or replaced only with a signed-in session, or,
/// at a first sign-in that needs one, with the set-up token that the password step hands out.
/// Every step is rate limited per address and name (<see cref="SignInLimits"/>); wrong
/// passwords do not lock an account, and a name that does not exist is answered exactly like a
/// wrong password, after the same work.
/// </summary>
public static class AccountsApi
{
    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record CodeRequest(string? Code);

    public sealed record DeleteAccountRequest(string? Password);

    public sealed record SetUpRequest(string? SetUpToken);

    public sealed record ConfirmRequest(string? SetUpToken, string? Code);

    /// <summary>What the page needs to go on: signed in, or which step comes next (with the set-up token for "set-up-authenticator").</summary>
    public sealed record SignInStep(string Step, Me? Me = null, string? SetUpToken = null);

    /// <summary>A key for the authenticator app; confirming it with a code needs the new set-up token, which carries the key.</summary>
    public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string SetUpToken);

    /// <summary>The signed-in account; for a client or family member, the clients whose record they may open.</summary>
    public sealed record Me(Guid AccountId, string DisplayName, AccountRole Role, Guid? SubjectId, IReadOnlyList<MyClient> Clients);

    /// <summary>A client whose record the account may open; for a relative, <paramref name="MemberId"/> is who they are in that client's network.</summary>
    public sealed record MyClient(Guid Id, string Name, Guid? MemberId = null);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");

        account.MapPost("/sign-in", async Task<Ok<SignInStep>> (SignInRequest r, SignInManager<Account> signIn, PasswordCheck passwords, AuthenticatorSetUpTokens tokens, AccountStore store, IGrainFactory grains) =>
            {
                var (userName, password) = Credentials(r);
                var user = await passwords.Find(userName, password) ?? throw new SignInFailedException();
                var users = signIn.UserManager;
                if (await users.IsLockedOutAsync(user))
                {
                    // Said only to whoever knows the password: otherwise a lock would tell that the name exists.
                    throw await passwords.Matches(user, password) ? new AccountLockedException() : new SignInFailedException();
                }

                if (user.RequiresTwoFactor && !user.TwoFactorEnabled)
                {
                    return await passwords.Matches(user, password)
                        ? TypedResults.Ok(new SignInStep("set-up-authenticator", SetUpToken: await tokens.Issue(user)))
                        : throw new SignInFailedException();
                }

                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
                if (result.RequiresTwoFactor)
                {
                    return TypedResults.Ok(new SignInStep("code"));
                }

                return result.Succeeded ? TypedResults.Ok(new SignInStep("signed-in", await Describe(user, store, grains))) : throw new SignInFailedException();
            })
            .Requires(AccessRule.Public)
            .LimitedAsSignIn()
            .ProducesProblem(StatusCodes.Status423Locked)
            .WithName("SignIn");

        account.MapPost("/sign-in/code", async Task<Ok<SignInStep>> (CodeRequest r, SignInManager<Account> signIn, AccountStore store, IGrainFactory grains) =>
            {
                var code = Code(r.Code);
                var user = await signIn.GetTwoFactorAuthenticationUserAsync() ?? throw new SignInRequiredException();
                var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
                return result.Succeeded ? TypedResults.Ok(new SignInStep("signed-in", await Describe(user, store, grains))) : throw Refused(result);
            })
            .Requires(AccessRule.Public)
            .LimitedAsSignIn()
            .ProducesProblem(StatusCodes.Status423Locked)
            .WithName("SignInWithCode");

        // A new key is only offered: it is stored when a code from it is confirmed, so an
        // account's working authenticator stays until its replacement works.
        account.MapPost("/authenticator", async Task<Ok<AuthenticatorSetup>> (SetUpRequest r, HttpContext context, UserManager<Account> users, AuthenticatorSetUpTokens tokens, UrlEncoder encoder) =>
            {
                var user = r.SetUpToken is { Length: > 0 } token
                    ? (await ReadToken(tokens, token, context, users)).User
                    : await users.GetUserAsync(context.User) ?? throw new SignInRequiredException();
                var key = users.GenerateNewAuthenticatorKey();
                var uri = string.Create(CultureInfo.InvariantCulture,
                    $"otpauth://totp/{encoder.Encode("Buurtzorg")}:{encoder.Encode(user.UserName)}?secret={key}&issuer={encoder.Encode("Buurtzorg")}&digits=6");
                return TypedResults.Ok(new AuthenticatorSetup(key, uri, await tokens.Issue(user, key)));
            })
            .Requires(AccessRule.Public)
            .LimitedAsSignIn()
            .WithName("SetUpAuthenticator");

        // A code from the offered key proves the app has it: the key is stored, the security
        // stamp changes (the token is spent, other sessions end) and the caller is signed in.
        account.MapPost("/authenticator/confirm", async Task<Ok<SignInStep>> (ConfirmRequest r, HttpContext context, SignInManager<Account> signIn, AuthenticatorSetUpTokens tokens, AccountStore store, IGrainFactory grains) =>
            {
                var code = Code(r.Code);
                var users = signIn.UserManager;
                var (user, key) = await ReadToken(tokens, r.SetUpToken, context, users);
                if (key is null)
                {
                    throw InvalidToken();
                }

                user.AuthenticatorKey = key;
                if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                {
                    throw new RequestValidationException(new Dictionary<string, string[]> { ["code"] = ["The code does not match the authenticator."] }, new Dictionary<string, string[]> { ["code"] = [FieldCodes.WrongCode] });
                }

                user.TwoFactorEnabled = true;
                var stored = await users.UpdateSecurityStampAsync(user);
                if (!stored.Succeeded)
                {
                    throw InvalidToken();
                }

                // A replacement keeps the session's start, so its absolute limit does not restart.
                var signedInAt = context.User.FindFirst(Caller.SignedInAtClaim);
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, signedInAt is null ? [] : [new Claim(Caller.SignedInAtClaim, signedInAt.Value)]);
                return TypedResults.Ok(new SignInStep("signed-in", await Describe(user, store, grains)));
            })
            .Requires(AccessRule.Public)
            .LimitedAsSignIn()
            .WithName("ConfirmAuthenticator");

        // Signing out changes the security stamp: the session cookie stops working everywhere at
        // once, even a copy of it. JSON only, so another site's form or no-cors fetch cannot.
        account.MapPost("/sign-out", async Task<NoContent> (HttpContext context, SignInManager<Account> signIn) =>
            {
                if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
                {
                    await signIn.UserManager.UpdateSecurityStampAsync(user);
                }

                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .Requires(AccessRule.Self)
            .RequiresJson()
            .WithName("SignOut");

        // The holder's own decision (AVG art. 17), confirmed with the password so a session left
        // open on a shared computer cannot take it; limited like a sign-in, as it tries a password.
        // Nurses' and central staff's accounts belong with their employment: the office closes
        // them when the work ends, and the care records keep their ids for who did what.
        account.MapDelete("", async Task<NoContent> ([Microsoft.AspNetCore.Mvc.FromBody] DeleteAccountRequest r, HttpContext context, SignInManager<Account> signIn, PasswordCheck passwords, AccountErasure erasure, CancellationToken ct) =>
            {
                if (string.IsNullOrEmpty(r.Password) || r.Password.Length > 256)
                {
                    throw new RequestValidationException(
                        new Dictionary<string, string[]> { ["password"] = ["Give your password to confirm that the account is to be deleted."] },
                        new Dictionary<string, string[]> { ["password"] = [FieldCodes.Required] });
                }

                var user = await signIn.UserManager.GetUserAsync(context.User) ?? throw new SignInRequiredException();
                if (user.Role is AccountRole.Nurse or AccountRole.Central)
                {
                    throw new ResourceConflictException(
                        "This account is closed by the employer.",
                        "A nurse's or central staff member's account belongs with their employment: the team or the office closes it when the work ends. Nothing was changed.");
                }

                if (!await passwords.Matches(user, r.Password))
                {
                    throw new RequestValidationException(
                        new Dictionary<string, string[]> { ["password"] = ["The password is not right: the account was not deleted."] },
                        new Dictionary<string, string[]> { ["password"] = [FieldCodes.WrongPassword] });
                }

                await erasure.EraseOwn(user, ct);
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .Requires(AccessRule.Self)
            .RequiresJson()
            .LimitedAsSignIn()
            .WithName("DeleteOwnAccount");

        account.MapGet("/me", async Task<Ok<Me>> (HttpContext context, UserManager<Account> users, AccountStore store, IGrainFactory grains) =>
            {
                var user = await users.GetUserAsync(context.User) ?? throw new SignInRequiredException();
                return TypedResults.Ok(await Describe(user, store, grains));
            })
            .Requires(AccessRule.Self)
            .WithName("Me");

        return app;
    }

    private static async Task<Me> Describe(Account user, AccountStore store, IGrainFactory grains)
    {
        IReadOnlyList<Guid> ids = user.Role == AccountRole.Family ? await store.LinkedClients(user.Id) : user.Role == AccountRole.Client && user.SubjectId is { } own ? [own] : [];
        var clients = new List<MyClient>();
        foreach (var id in ids)
        {
            if (await grains.GetGrain<IClientGrain>(id).Get() is { } client)
            {
                clients.Add(new MyClient(id, client.Details.Name, user.Role == AccountRole.Family ? await store.MemberOf(user.Id, id) : null));
            }
        }

        return new Me(user.Id, user.DisplayName, user.Role, user.SubjectId, clients);
    }

    /// <summary>A set-up token still valid, and (with a session) of the session's own account.</summary>
    private static async Task<(Account User, string? Key)> ReadToken(AuthenticatorSetUpTokens tokens, string? token, HttpContext context, UserManager<Account> users)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096 || await tokens.Read(token) is not { } read)
        {
            throw InvalidToken();
        }

        return users.GetUserId(context.User) is { } session && session != read.User.Id.ToString()
            ? throw InvalidToken()
            : read;
    }

    private static RequestValidationException InvalidToken() => new(new Dictionary<string, string[]>
    {
        ["setUpToken"] = ["The set-up token is not valid, was used already or has expired: sign in again."],
    });

    private static (string UserName, string Password) Credentials(SignInRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.UserName) || r.UserName.Length > 256)
        {
            errors["userName"] = ["Give your user name."];
        }

        if (string.IsNullOrEmpty(r.Password) || r.Password.Length > 256)
        {
            errors["password"] = ["Give your password."];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : (r.UserName!, r.Password!);
    }

    private static string Code(string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new RequestValidationException(new Dictionary<string, string[]> { ["code"] = ["The code is the six digits your authenticator app shows."] }, new Dictionary<string, string[]> { ["code"] = [FieldCodes.BadForm] });
    }

    private static ProblemException Refused(SignInResult result) => result.IsLockedOut
        ? new AccountLockedException()
        : new SignInFailedException();
}
