namespace Buurtzorg.Grains;

public static class GrainStorage
{
    /// <summary>The name of the grain storage provider every persistent grain uses.</summary>
    public const string Name = "buurtzorg";
}
