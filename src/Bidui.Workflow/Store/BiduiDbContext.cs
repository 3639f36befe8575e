using Bidui.Workflow.Access;
using Microsoft.EntityFrameworkCore;

namespace Bidui.Workflow.Store;

/// <summary>
/// The store, on SQLite or PostgreSQL. Region/school scoping lives here and only here: global
/// query filters on cases and everything hanging from them read the scope of this context
/// instance, so every list, count, search, export and dashboard query is cut to the user's part.
/// </summary>
public sealed class BiduiDbContext(DbContextOptions<BiduiDbContext> options) : DbContext(options)
{
    // Flat fields: EF Core turns context members used in query filters into per-instance parameters.
    private bool _scopeAll;
    private int _scopeMin = UserScope.None.MinCounty;
    private int _scopeMax = UserScope.None.MaxCounty;
    private string? _scopeSchool;
    private string? _scopeTownship;
    private string? _scopeVillage;

    public UserScope Scope { get; private set; } = UserScope.None;

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RoundCounty> RoundCounties => Set<RoundCounty>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<MatchedStat> MatchedStats => Set<MatchedStat>();
    public DbSet<CaseCount> CaseCounts => Set<CaseCount>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>Cases of finished rounds: a round's cases appear only once its import is complete, and go with its withdrawal.</summary>
    public IQueryable<Case> LiveCases => Cases.Where(c => Rounds.Any(r => r.Id == c.RoundId && r.State == RoundState.Done));

    public void SetScope(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Scope = scope;
        _scopeAll = scope.Everything;
        _scopeMin = scope.MinCounty;
        _scopeMax = scope.MaxCounty;
        _scopeSchool = scope.SchoolCode;
        _scopeTownship = scope.Township;
        _scopeVillage = scope.Village;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // All times are UTC; SQLite hands them back unspecified and Npgsql insists on UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("regions");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).ValueGeneratedNever();
            e.Property(r => r.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<School>(e =>
        {
            e.ToTable("schools");
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(20);
            e.Property(s => s.Name).HasMaxLength(200);
            e.HasIndex(s => s.CountyCode);
        });
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.UserName).IsUnique();
            e.Property(u => u.UserName).HasMaxLength(64);
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.SchoolCode).HasMaxLength(20);
            e.Property(u => u.SecurityStamp).HasMaxLength(64);
            e.Property(u => u.Township).HasMaxLength(100);
            e.Property(u => u.Village).HasMaxLength(100);
        });
        modelBuilder.Entity<Round>(e =>
        {
            e.ToTable("rounds");
            e.Property(r => r.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<RoundCounty>(e =>
        {
            e.ToTable("round_counties");
            e.Property(r => r.CountyName).HasMaxLength(100);
            e.HasIndex(r => new { r.RoundId, r.CountyCode }).IsUnique();
            e.HasIndex(r => r.CountyCode);
        });
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.Property(c => c.Category).HasMaxLength(40);
            e.Property(c => c.PersonKey).HasMaxLength(200);
            e.Property(c => c.SchoolCode).HasMaxLength(20);
            e.Property(c => c.Township).HasMaxLength(100);
            e.Property(c => c.Village).HasMaxLength(100);
            e.HasIndex(c => new { c.CountyCode, c.Township, c.Village });
            e.HasIndex(c => new { c.CountyCode, c.State, c.Unit, c.ResolvedInRoundId, c.CarriedInRoundId, c.RoundId });
            e.Property(c => c.IdTail).HasMaxLength(4);
            e.Property(c => c.StudentNo).HasMaxLength(40);
            // The list's order and filters; the trailing columns make a deep page's id step index-only (V007).
            e.HasIndex(c => new { c.RoundId, c.CountyCode, c.Category, c.Id, c.State, c.Unit, c.SchoolCode });
            // Search (CaseQueries.Search): prefixes are ranges in code-point order (COLLATE "C" on PostgreSQL).
            e.HasIndex(c => c.PersonName);
            e.HasIndex(c => c.IdNumber);
            e.HasIndex(c => c.IdTail);
            e.HasIndex(c => c.StudentNo).HasFilter("\"StudentNo\" IS NOT NULL");
            e.HasIndex(c => c.SchoolCode);
            e.HasIndex(c => c.ResolvedInRoundId).HasFilter("\"ResolvedInRoundId\" IS NOT NULL");
            e.HasIndex(c => c.PreviousCaseId).HasFilter("\"PreviousCaseId\" IS NOT NULL");
            e.HasIndex(c => c.CarriedInRoundId).HasFilter("\"CarriedInRoundId\" IS NOT NULL");
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.Events).WithOne(v => v.Case!).HasForeignKey(v => v.CaseId);
            e.HasMany(c => c.Attachments).WithOne(a => a.Case!).HasForeignKey(a => a.CaseId);
            e.HasQueryFilter(c => _scopeAll || (c.CountyCode >= _scopeMin && c.CountyCode <= _scopeMax
                && (_scopeSchool == null || c.SchoolCode == _scopeSchool)
                && (_scopeTownship == null || c.Township == _scopeTownship)
                && (_scopeVillage == null || c.Village == _scopeVillage)));
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.ToTable("case_events");
            e.HasQueryFilter(v => _scopeAll || (v.Case!.CountyCode >= _scopeMin && v.Case.CountyCode <= _scopeMax
                && (_scopeSchool == null || v.Case.SchoolCode == _scopeSchool)
                && (_scopeTownship == null || v.Case.Township == _scopeTownship)
                && (_scopeVillage == null || v.Case.Village == _scopeVillage)));
        });
        modelBuilder.Entity<Attachment>(e =>
        {
            e.ToTable("attachments");
            e.HasQueryFilter(a => _scopeAll || (a.Case!.CountyCode >= _scopeMin && a.Case.CountyCode <= _scopeMax
                && (_scopeSchool == null || a.Case.SchoolCode == _scopeSchool)
                && (_scopeTownship == null || a.Case.Township == _scopeTownship)
                && (_scopeVillage == null || a.Case.Village == _scopeVillage)));
        });
        modelBuilder.Entity<MatchedStat>(e =>
        {
            e.ToTable("matched_stats");
            e.HasIndex(m => new { m.RoundId, m.CountyCode });
            // Matched students are counted per county and school, not per township: a township or village scope sees none.
            e.HasQueryFilter(m => _scopeAll || (m.CountyCode >= _scopeMin && m.CountyCode <= _scopeMax
                && (_scopeSchool == null || m.SchoolCode == _scopeSchool) && _scopeTownship == null));
        });
        modelBuilder.Entity<CaseCount>(e =>
        {
            e.ToTable("case_counts");
            e.HasKey(x => new { x.RoundId, x.CountyCode, x.SchoolCode, x.Category, x.State, x.Unit, x.ClosedDays, x.Current });
            e.Property(x => x.SchoolCode).HasMaxLength(20);
            e.Property(x => x.Category).HasMaxLength(40);
            // Counts are kept per county and school, not per township: a township or village scope sees none
            // (its readers count its cases instead: CaseQueries, DashboardService).
            e.HasQueryFilter(x => _scopeAll || (x.CountyCode >= _scopeMin && x.CountyCode <= _scopeMax
                && (_scopeSchool == null || x.SchoolCode == _scopeSchool) && _scopeTownship == null));
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(a => a.At);
        });
    }
}
