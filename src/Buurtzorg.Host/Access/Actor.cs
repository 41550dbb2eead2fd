using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Access;

/// <summary>
/// Who acts: always the signed-in account, never a nurse named in the request body. Stored
/// changes of visits and teams name this nurse, so nobody's name goes on what someone else did.
/// </summary>
public static class Actor
{
    /// <summary>The signed-in nurse; anyone else is refused (the access gate lets only nurses this far).</summary>
    public static Guid Nurse(HttpContext context) =>
        Caller.From(context?.User) is { Role: AccountRole.Nurse, SubjectId: { } nurse }
            ? nurse
            : throw new ForbiddenActException("Only a nurse can do this.", "This is done by a nurse of the team, for herself.", RefusalCodes.NurseOnly);

    /// <summary>A body that still names a nurse must name the one who acts.</summary>
    public static void RequireSelf(this ValidationErrors errors, string field, Guid? named, Guid actor)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (named is { } nurse && nurse != actor)
        {
            errors.Add(field, $"'{field}' must be you: a nurse acts for herself. Hand a visit over to a colleague, or record a visit for her with 'onBehalfOf'.");
        }
    }
}
