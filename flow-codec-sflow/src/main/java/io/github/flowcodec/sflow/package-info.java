/** sFlow v5 (sflow.org's sFlow version 5): decoder, encoder and datagram builder. */
package io.github.flowcodec.sflow;
