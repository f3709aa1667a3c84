package org.milkmobs.archfixture.adapters.aws;

public class FixtureS3 {
}
