namespace Buurtzorg.Planning.Tests.Benchmarks;

public sealed class BenchmarkDataTests
{
    private static readonly string[] Files =
    [
        "solomon/C101.txt", "solomon/C201.txt", "solomon/R101.txt", "solomon/R201.txt", "solomon/RC101.txt", "solomon/RC201.txt",
        "solomon/best_known.csv", "solomon/LICENSE.iRB-Lab-py-ga-VRPTW",
        "mankowska2014/InstanzCPLEX_HCSRP_10_1.txt", "mankowska2014/InstanzCPLEX_HCSRP_25_1.txt",
        "mankowska2014/InstanzCPLEX_HCSRP_50_1.txt", "mankowska2014/InstanzVNS_HCSRP_100_1.txt",
        "mankowska2014/brkga_best.csv", "mankowska2014/LICENSE.afkummer-gecco2020-brkga",
    ];

    [Fact]
    public void The_instances_their_reference_results_and_licences_are_copied_next_to_the_tests()
    {
        Assert.All(Files, file => Assert.True(File.Exists(Path.Combine(BenchmarkData.Directory, file)), file));
    }

    [Fact]
    public void The_copies_match_the_shared_data_where_that_is_present()
    {
        // A clean clone has no ../shared/data: then there is nothing to drift from.
        if (BenchmarkData.SharedData is not { } shared)
        {
            return;
        }

        Assert.All(Files, file =>
        {
            var original = Path.Combine(shared, file);
            if (File.Exists(original))
            {
                Assert.True(File.ReadAllBytes(original).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(BenchmarkData.Directory, file))), $"{file} differs from {original}");
            }
        });
    }
}
