package dev.locus.demo;

import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.identity.LandmarkKey;
import java.net.InetSocketAddress;

/**
 * A landmark of the demo: a real UDP timing server on loopback with its certified position at a
 * real server's published position.
 *
 * @param operator its trust domain (an independent organisation hosting it)
 */
record DemoLandmark(String id, Place place, LandmarkKey key, LandmarkServer server, String operator) {

    InetSocketAddress address() {
        return server.localAddress();
    }
}
