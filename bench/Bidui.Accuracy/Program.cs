using System.Diagnostics;
using System.Globalization;
using Bidui.Accuracy;
using Bidui.Pipeline;
using Bidui.Synthetic.Linkage;

// Accuracy of record linkage on labelled data (issue 3): generates a register and a registry with
// realistic faults and a truth of who each row is, runs the real comparison job with --exact-only and
// with the probabilistic tier, and prints precision, recall and F1 of each.
//   dotnet run --project bench/Bidui.Accuracy -c Release -- [--households 40000] [--seed 1] [--namesakes 0.002] [--no-household-ids] [--keep DIR]
var arguments = Arguments.Parse(args);
string dir = arguments.Keep ?? Path.Combine(Path.GetTempPath(), $"bidui-accuracy-{Environment.ProcessId}");
try
{
    var clock = Stopwatch.StartNew();
    var files = LinkageDataGenerator.Generate(Path.Combine(dir, "inputs"),
        new LinkageOptions(arguments.Households, arguments.Seed)
        {
            ReferenceDate = Evaluation.ReferenceDate, NamesakeShare = arguments.Namesakes, HouseholdIds = arguments.HouseholdIds,
        });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"labelled data: {files.PovertyRows:N0} register rows, {files.StudentRows:N0} registry rows, {files.TruePairs:N0} true pairs, namesakes for {arguments.Namesakes:P1} of poverty children (seed {arguments.Seed}, {clock.Elapsed.TotalSeconds:0.0} s)"));

    var exact = Evaluation.Run(files, Path.Combine(dir, "exact"), exactOnly: true);
    var tier = Evaluation.Run(files, Path.Combine(dir, "tier"), exactOnly: false);
    Report.Print(files, exact, tier);
    return 0;
}
finally
{
    if (arguments.Keep is null && Directory.Exists(dir))
        Directory.Delete(dir, recursive: true);
}
