//! Step 3, "Deploy": the managed deployment tasks for cloud resources, and
//! the manual installation on Nginx, Apache, Tomcat and IIS.

use yew::prelude::*;

use super::cert_dialog::CertDialogProps;
use super::context::use_app;
use super::copy_button::CopyButton;
use super::dialogs::Dialog;
use super::hooks::{use_dialogs, use_id_prefix};
use super::install_steps::{Server, steps};
use super::modal::Modal;
use super::sandbox_switches::SandboxSwitches;
use crate::rules::{Certificate, CsrMode, TaskStatus};

fn tasks(cert: &Certificate) -> Html {
    if cert.csr_mode == Some(CsrMode::Manual) {
        return html! { <p>{ "This certificate was issued from a manually entered CSR: it cannot be deployed to cloud products through the console. Install it on your servers as shown below." }</p> };
    }
    if cert.deployments.is_empty() {
        return html! { <p class="muted">{ "No managed deployment task: the certificate it replaces was not deployed to a cloud service (ALB, WAF, CDN, Anti-DDoS) from this console." }</p> };
    }
    html! {
        <table class="tasks">
            <thead><tr><th scope="col">{ "Resource" }</th><th scope="col">{ "Task" }</th><th scope="col">{ "Created" }</th><th scope="col">{ "Status" }</th></tr></thead>
            <tbody>
                for task in cert.deployments.iter() {
                    <tr>
                        <td>{ format!("{} · {}", task.resource.product.label(), task.resource.name) }</td>
                        <td class="mono">{ task.id.clone() }</td>
                        <td>{ task.created_on.to_string() }</td>
                        <td>
                            { match &task.status {
                                TaskStatus::Pending => html! { <span class="status status-validating">{ "Deploying" }</span> },
                                TaskStatus::Succeeded => html! { <span class="status status-issued">{ "Succeeded" }</span> },
                                TaskStatus::Failed(why) => html! {
                                    <>
                                        <span class="status status-failed">{ "Failed" }</span>
                                        <p class="task-failure">{ format!("{why} A notification was sent by email and internal message.") }</p>
                                    </>
                                },
                            } }
                        </td>
                    </tr>
                }
            </tbody>
        </table>
    }
}

#[component]
pub fn DeployGuide(props: &CertDialogProps) -> Html {
    let app = use_app();
    let server = use_state(|| Server::Nginx);
    let (ids, dialogs) = (use_id_prefix(), use_dialogs());
    let Some(cert) = app.inventory.find(&props.id).cloned() else {
        return html! { <Modal id={ids.id("deploy-guide")} title="Deploy the certificate" on_close={props.on_close.clone()}><p>{ "This certificate is no longer in the inventory." }</p></Modal> };
    };
    let domain = cert.domains.first().cloned().unwrap_or_default();
    let chosen = steps(*server, &cert.name, &domain);
    let verify = dialogs.opener(Dialog::Verify(cert.id.clone()));
    let footer = html! {
        <>
            <button type="button" class="btn" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
            <button type="button" class="btn btn-primary" onclick={verify}>{ "Verify the deployment" }</button>
        </>
    };
    html! {
        <Modal id={ids.id("deploy-guide")} title="Deploy the certificate" on_close={props.on_close.clone()} side=true wide=true {footer}>
            <p class="order-original"><strong>{ cert.name.clone() }</strong><span class="mono">{ format!(" {}", cert.id) }</span>
                <span class="muted">{ format!(" · valid {} to {}", cert.not_before.map_or("—".into(), |d| d.to_string()), cert.not_after.map_or("—".into(), |d| d.to_string())) }</span></p>
            <h3>{ "Managed deployment for cloud services" }</h3>
            <p class="hint">{ "When the certificate it replaces was deployed to a cloud service, a managed deployment task is created for each resource. The sandbox runs them the day after issuance." }</p>
            { tasks(&cert) }
            <h3>{ "Manual installation on your server" }</h3>
            <p class="hint">{ "Deploy the new certificate in place of the original one, then reload the service: the new certificate is used only after the reload." }</p>
            <div class="server-tabs" role="group" aria-label="Web server">
                for s in Server::ALL {
                    <button type="button" class={classes!("chip", (s == *server).then_some("chip-on"))} aria-pressed={(s == *server).to_string()}
                            onclick={{ let server = server.clone(); Callback::from(move |_| server.set(s)) }}>{ s.label() }</button>
                }
            </div>
            <ol class="install-steps" id={ids.id("install-steps")}>
                <li><p>{ chosen.files.clone() }</p></li>
                <li>
                    <p>{ "Configure:" }</p>
                    <pre class="code">{ chosen.config.clone() }</pre>
                    <CopyButton text={chosen.config.clone()} what={format!("the {} configuration", server.label())} />
                </li>
                <li>
                    <p>{ "Reload so the new certificate takes effect:" }</p>
                    <pre class="code">{ chosen.reload.clone() }</pre>
                    <CopyButton text={chosen.reload.clone()} what={format!("the {} reload command", server.label())} />
                </li>
                <li><p>{ "If a CDN, WAF, Global Accelerator or load balancer sits in front of the server, update the certificate there too." }</p></li>
            </ol>
            <SandboxSwitches />
        </Modal>
    }
}
