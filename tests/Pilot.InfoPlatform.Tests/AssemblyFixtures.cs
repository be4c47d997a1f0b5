using Pilot.Testing;

// One redis-server for the whole assembly. Each test class works in a Redis database of its own (TestDatabase), so
// classes running at once never share a stream, a consumer group or a key; tests within a class run one at a time.
[assembly: AssemblyFixture(typeof(RedisServerFixture))]
