using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Nurses;

public sealed record AvailabilitySlotInput(DayOfWeek? Day, TimeOnly? From, TimeOnly? To);

internal static class NurseRules
{
    // The Dutch Working Hours Act allows at most 60 hours in a week.
    public const decimal MaxContractHours = 60;

    private const int MaxSlots = 21;

    public static void Availability(ValidationErrors errors, IReadOnlyList<AvailabilitySlotInput>? slots, string field)
    {
        if (slots is null)
        {
            errors.Add(field, $"'{field}' is required (it may be an empty list).", FieldCodes.Required);
            return;
        }

        if (slots.Count > MaxSlots)
        {
            errors.Add(field, $"'{field}' has at most {MaxSlots} periods.", FieldCodes.TooLong);
        }

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot is null)
            {
                errors.Add($"{field}[{i}]", "A period may not be null.");
                continue;
            }

            errors.RequireDefined($"{field}[{i}].day", slot.Day);
            if (slot.From is not { } from || slot.To is not { } to || to <= from)
            {
                errors.Add($"{field}[{i}].to", $"'{field}[{i}].from' and '.to' are required, the end after the start.", FieldCodes.EndBeforeStart);
                continue;
            }

            if (slots.Take(i).Any(other => other is { From: { } otherFrom, To: { } otherTo } && other.Day == slot.Day && otherFrom < to && from < otherTo))
            {
                errors.Add($"{field}[{i}]", $"'{field}[{i}]' overlaps an earlier period on the same day.", FieldCodes.Overlaps);
            }
        }
    }

    public static IReadOnlyList<AvailabilitySlot> ToSlots(IReadOnlyList<AvailabilitySlotInput> slots) =>
        [.. slots.Select(s => new AvailabilitySlot(s.Day!.Value, s.From!.Value, s.To!.Value)).OrderBy(s => s.Day).ThenBy(s => s.From)];
}
