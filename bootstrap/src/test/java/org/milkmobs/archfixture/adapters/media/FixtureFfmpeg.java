package org.milkmobs.archfixture.adapters.media;

public class FixtureFfmpeg {
}
