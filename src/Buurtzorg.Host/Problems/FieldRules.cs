using System.Net.Mail;
using System.Text.RegularExpressions;
using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Host.Problems;

/// <summary>Checks shared by several requests; each names the field it found wanting.</summary>
public static partial class FieldRules
{
    public const int MaxTextLength = 500;

    public static void RequireText(this ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"'{field}' is required and may not be blank.");
        }
        else
        {
            errors.OptionalText(field, value, maxLength);
        }
    }

    public static void OptionalText(this ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"'{field}' may be at most {maxLength} characters long.");
        }

        // Line breaks are fine in free text; other control characters are not.
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(field, $"'{field}' may not contain control characters.");
        }
    }

    public static void RequireDefined<TEnum>(this ValidationErrors errors, string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is not { } v || !Enum.IsDefined(v))
        {
            errors.Add(field, $"'{field}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    public static void RequireId(this ValidationErrors errors, string field, Guid? value)
    {
        if (value is null || value == Guid.Empty)
        {
            errors.Add(field, $"'{field}' is required.");
        }
    }

    /// <summary>A Dutch phone number: 0 or +31 and nine more digits, spaces and dashes allowed.</summary>
    public static void Phone(this ValidationErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"'{field}' is required.");
            }

            return;
        }

        if (!DutchPhone().IsMatch(value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)))
        {
            errors.Add(field, $"'{field}' must be a Dutch phone number, such as 030 123 4567 or +31 6 12345678.");
        }
    }

    public static void OptionalEmail(this ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value.Trim())
        {
            errors.Add(field, $"'{field}' must be an e-mail address.");
        }
    }

    /// <summary>A Dutch postcode: four digits not starting with 0, then two letters.</summary>
    public static void Postcode(this ValidationErrors errors, string field, string? value)
    {
        if (value is null || !DutchPostcode().IsMatch(value.Trim()))
        {
            errors.Add(field, $"'{field}' must be a Dutch postcode such as 3511 AB (the first digit is never 0).");
        }
    }

    public static void LocationInTheNetherlands(this ValidationErrors errors, string field, double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon || !new GeoPoint(lat, lon).IsInTheNetherlands)
        {
            errors.Add(field, $"'{field}' must be a latitude and longitude in the Netherlands.");
        }
    }

    /// <summary>"3511ab" and "3511 AB" are the same postcode; store one form.</summary>
    public static string NormalisePostcode(string postcode)
    {
        var compact = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return $"{compact[..4]} {compact[4..]}";
    }

    [GeneratedRegex(@"^(\+31|0031|0)[1-9][0-9]{8}$")]
    private static partial Regex DutchPhone();

    [GeneratedRegex(@"^[1-9][0-9]{3} ?[A-Za-z]{2}$")]
    private static partial Regex DutchPostcode();
}
