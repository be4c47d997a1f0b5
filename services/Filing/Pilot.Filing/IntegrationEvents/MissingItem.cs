namespace Pilot.Filing.IntegrationEvents;

/// <summary>One document, section or regulation a refused package lacked: the request path and what is missing.</summary>
public sealed record MissingItem(string Field, string Description);
