namespace Buurtzorg.Contracts.Nurses;

/// <summary>What a nurse is qualified to do; a visit may require one of these.</summary>
[GenerateSerializer, Alias("Buurtzorg.Nurses.Qualification")]
public enum Qualification
{
    BasicCare = 1,
    WoundCare = 2,
    InjectionsAndMedication = 3,
    DiabetesCare = 4,
    PalliativeCare = 5,
    CatheterAndStomaCare = 6,
}
