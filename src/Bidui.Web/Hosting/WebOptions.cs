using Bidui.Workflow.Store;

namespace Bidui.Web.Hosting;

/// <summary>How `bidui serve` starts the app.</summary>
public sealed record WebOptions(StoreOptions Store, string Urls)
{
    /// <summary>Seed the demo province, users and a finished round when the store is empty.</summary>
    public bool Demo { get; init; }

    /// <summary>Signed-in sessions end after this much inactivity.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Where the first administrator's password is printed when the store has no user.</summary>
    public TextWriter? Console { get; init; }

    /// <summary>Path base, trusted proxies, time zone and request limits (the "Bidui" configuration section overrides them).</summary>
    public DeploymentOptions Deployment { get; init; } = new();

    /// <summary>The instant source (tests move it); the time zone comes from <see cref="DeploymentOptions.TimeZone"/>.</summary>
    public TimeProvider? Clock { get; init; }
}
