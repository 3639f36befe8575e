using Bidui.Matching.Probabilistic;

namespace Bidui.Matching.Tests.Probabilistic;

/// <summary>A model with the parameters the accuracy benchmark estimated (rounded), for deterministic tests.</summary>
internal static class TestModels
{
    public static LinkageModel Typical() => new()
    {
        M =
        [
            [1, 0.96, 0.0055, 0.026, 0.0063, 6e-5, 6e-4],
            [1, 0.995, 0.0013, 0.0036, 1.4e-5, 7e-6],
            [1, 0.91, 0.003, 0.004, 1e-5],
            [1, 0.99, 0.0001],
            [1, 0.97, 0.01, 0.018, 0.002],
            [1, 0.8, 0.2],
        ],
        U =
        [
            [1, 2.6e-6, 2.6e-6, 5.4e-5, 2.6e-6, 7.7e-6, 0.99993],
            [1, 2.5e-6, 4.2e-5, 0.0034, 0.03, 0.966],
            [1, 1.1e-4, 4.8e-5, 0.0063, 0.9935],
            [1, 0.5, 0.5],
            [1, 0.148, 0.3, 0.55, 0.002],
            [1, 0.02, 0.98],
        ],
        Prior = 2e-6,
    };
}
