using System.Globalization;
using System.Text.Encodings.Web;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// Signing in and out: a password, then a code from an authenticator app (required for nurses
/// and central staff, who first set one up with their password). Five wrong tries lock the
/// account for fifteen minutes.
/// </summary>
public static class AccountsApi
{
    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record CodeRequest(string? Code);

    public sealed record SetUpRequest(string? UserName, string? Password, string? Code);

    /// <summary>What the page needs to go on: signed in, or which step comes next.</summary>
    public sealed record SignInStep(string Step, Me? Me = null);

    public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

    /// <summary>The signed-in account; for a client or family member, the clients whose record they may open.</summary>
    public sealed record Me(Guid AccountId, string DisplayName, AccountRole Role, Guid? SubjectId, IReadOnlyList<MyClient> Clients);

    public sealed record MyClient(Guid Id, string Name);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");

        account.MapPost("/sign-in", async Task<Ok<SignInStep>> (SignInRequest r, SignInManager<Account> signIn, AccountStore store, IGrainFactory grains) =>
            {
                var user = await Find(signIn, r.UserName, r.Password);
                if (user.RequiresTwoFactor && !user.TwoFactorEnabled)
                {
                    var check = await signIn.CheckPasswordSignInAsync(user, r.Password!, lockoutOnFailure: true);
                    return check.Succeeded ? TypedResults.Ok(new SignInStep("set-up-authenticator")) : throw Refused(check);
                }

                var result = await signIn.PasswordSignInAsync(user, r.Password!, isPersistent: false, lockoutOnFailure: true);
                if (result.RequiresTwoFactor)
                {
                    return TypedResults.Ok(new SignInStep("code"));
                }

                return result.Succeeded ? TypedResults.Ok(new SignInStep("signed-in", await Describe(user, store, grains))) : throw Refused(result);
            })
            .Requires(AccessRule.Public)
            .WithName("SignIn");

        account.MapPost("/sign-in/code", async Task<Ok<SignInStep>> (CodeRequest r, SignInManager<Account> signIn, AccountStore store, IGrainFactory grains) =>
            {
                var code = Code(r.Code);
                var user = await signIn.GetTwoFactorAuthenticationUserAsync() ?? throw new SignInRequiredException();
                var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
                return result.Succeeded ? TypedResults.Ok(new SignInStep("signed-in", await Describe(user, store, grains))) : throw Refused(result);
            })
            .Requires(AccessRule.Public)
            .WithName("SignInWithCode");

        // Setting up the authenticator asks for the password again: it is what the code will guard.
        account.MapPost("/authenticator", async Task<Ok<AuthenticatorSetup>> (SignInRequest r, SignInManager<Account> signIn, UrlEncoder encoder) =>
            {
                var user = await FindWithPassword(signIn, r.UserName, r.Password);
                if (user.TwoFactorEnabled)
                {
                    throw new ResourceConflictException("An authenticator is already set up.", "Sign in with a code from it.");
                }

                await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
                var key = (await signIn.UserManager.GetAuthenticatorKeyAsync(user))!;
                var uri = string.Create(CultureInfo.InvariantCulture,
                    $"otpauth://totp/{encoder.Encode("Buurtzorg")}:{encoder.Encode(user.UserName)}?secret={key}&issuer={encoder.Encode("Buurtzorg")}&digits=6");
                return TypedResults.Ok(new AuthenticatorSetup(key, uri));
            })
            .Requires(AccessRule.Public)
            .WithName("SetUpAuthenticator");

        account.MapPost("/authenticator/confirm", async Task<Ok<SignInStep>> (SetUpRequest r, SignInManager<Account> signIn) =>
            {
                var code = Code(r.Code);
                var user = await FindWithPassword(signIn, r.UserName, r.Password);
                var users = signIn.UserManager;
                if (user.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                {
                    throw new RequestValidationException(new Dictionary<string, string[]> { ["code"] = ["The code does not match the authenticator."] });
                }

                await users.SetTwoFactorEnabledAsync(user, true);
                return TypedResults.Ok(new SignInStep("sign-in"));
            })
            .Requires(AccessRule.Public)
            .WithName("ConfirmAuthenticator");

        // Signing out changes the security stamp: the session cookie stops working everywhere at
        // once, even a copy of it.
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
            .WithName("SignOut");

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
                clients.Add(new MyClient(id, client.Details.Name));
            }
        }

        return new Me(user.Id, user.DisplayName, user.Role, user.SubjectId, clients);
    }

    /// <summary>The account, if the password is right; counts a wrong one towards lockout.</summary>
    private static async Task<Account> FindWithPassword(SignInManager<Account> signIn, string? userName, string? password)
    {
        var user = await Find(signIn, userName, password);
        var check = await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true);
        return check.Succeeded ? user : throw Refused(check);
    }

    /// <summary>The account by name; one answer for every failure, so names cannot be probed.</summary>
    private static async Task<Account> Find(SignInManager<Account> signIn, string? userName, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > 256)
        {
            errors["userName"] = ["Give your user name."];
        }

        if (string.IsNullOrEmpty(password) || password.Length > 256)
        {
            errors["password"] = ["Give your password."];
        }

        return errors.Count > 0
            ? throw new RequestValidationException(errors)
            : await signIn.UserManager.FindByNameAsync(userName!) ?? throw Refused(SignInResult.Failed);
    }

    private static string Code(string? code)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? digits
            : throw new RequestValidationException(new Dictionary<string, string[]> { ["code"] = ["The code is the six digits your authenticator app shows."] });
    }

    private static ProblemException Refused(SignInResult result) => result.IsLockedOut
        ? new AccountLockedException()
        : new SignInFailedException();
}
