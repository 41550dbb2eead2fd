using System.Security.Claims;
using System.Text.Encodings.Web;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// For tests of what the system does (claims, care plans, divisions), not of who may do it: every
/// request is a signed-in caller and every rule allows. The caller is the nurse named in the
/// <see cref="NurseHeader"/> header (see <see cref="TestHost.As"/>), or no nurse at all. Only tests compose a host this way; the
/// tests of access itself (Access/) run the real policy with real sign-ins.
/// </summary>
internal static class OpenAccess
{
    public const string Scheme = "open-access-for-tests";

    public const string NurseHeader = "X-Test-Nurse";

    public static void Apply(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IAccessPolicy, AllowEverything>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, EveryoneSignedIn>(Scheme, _ => { });
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultAuthenticateScheme = Scheme;
        });
    }

    private sealed class AllowEverything : IAccessPolicy
    {
        public ValueTask<bool> Allows(Caller caller, AccessRule rule, Guid? resource, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
    }

    private sealed class EveryoneSignedIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private static readonly Guid TestAccount = new("7e57ac0c-0000-4000-8000-000000000001");

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, TestAccount.ToString()), new Claim(Caller.RoleClaim, nameof(AccountRole.Nurse))], OpenAccess.Scheme);
            if (Guid.TryParse(Request.Headers[NurseHeader], out var nurse))
            {
                identity.AddClaim(new Claim(Caller.SubjectClaim, nurse.ToString()));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), OpenAccess.Scheme)));
        }
    }
}
